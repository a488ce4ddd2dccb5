package fr.passerelle.demo;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.ReplicatedWriter.StampBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * Writes new replicated rows in JDBC batches: each batch reserves its stamps from the {@link
 * ReplicatedWriter} at once, stamps the rows through it, and sends one batch per table; every
 * {@value #COMMIT_EVERY} rows are committed (the caller undoes the whole run on failure). Checks
 * for cancellation between batches.
 */
final class RowSink implements AutoCloseable {
  static final int BATCH = 1000;

  /** Rows per commit: small transactions keep H2's undo log and file growth small. */
  static final int COMMIT_EVERY = 10 * BATCH;

  private final DSLContext tx;
  private final Connection connection;
  private final ReplicatedWriter writer;
  private final Progress progress;
  private final List<TableRecord<?>> pending = new ArrayList<>(BATCH);
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private int sinceCommit;

  /** {@code tx} works on {@code connection}, which is not in auto-commit mode. */
  RowSink(DSLContext tx, Connection connection, ReplicatedWriter writer, Progress progress) {
    this.tx = tx;
    this.connection = connection;
    this.writer = writer;
    this.progress = progress;
  }

  void add(TableRecord<?> row) {
    pending.add(row);
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  void flush() {
    if (progress.isCancelled()) {
      throw new CancelledException();
    }
    if (pending.isEmpty()) {
      return;
    }
    StampBlock stamps = writer.reserve(tx, pending.size());
    List<PreparedStatement> used = new ArrayList<>();
    try {
      for (TableRecord<?> row : pending) {
        writer.stampNew(row, stamps.next());
        PreparedStatement ps = statement(row.getTable());
        for (int i = 0; i < row.size(); i++) {
          ps.setObject(i + 1, row.get(i));
        }
        ps.addBatch();
        if (!used.contains(ps)) {
          used.add(ps);
        }
        counts.merge(row.getTable().getName().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
      for (PreparedStatement ps : used) {
        ps.executeBatch();
      }
      sinceCommit += pending.size();
      if (sinceCommit >= COMMIT_EVERY) {
        connection.commit();
        sinceCommit = 0;
      }
    } catch (SQLException e) {
      throw new DatabaseException("Demo data: cannot write a batch: " + e.getMessage(), e);
    }
    pending.clear();
  }

  /** Rows written so far, per table (lower-case name). */
  Map<String, Integer> counts() {
    return counts;
  }

  private PreparedStatement statement(Table<?> table) throws SQLException {
    PreparedStatement ps = statements.get(table.getName());
    if (ps == null) {
      Field<?>[] fields = table.fields();
      String sql =
          "INSERT INTO "
              + tx.render(DSL.name(table.getName()))
              + " ("
              + java.util.Arrays.stream(fields)
                  .map(f -> tx.render(DSL.name(f.getName())))
                  .collect(Collectors.joining(","))
              + ") VALUES ("
              + java.util.Arrays.stream(fields).map(f -> "?").collect(Collectors.joining(","))
              + ")";
      ps = connection.prepareStatement(sql);
      statements.put(table.getName(), ps);
    }
    return ps;
  }

  @Override
  public void close() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing: nothing more to do
      }
    }
  }
}
