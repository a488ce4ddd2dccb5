package fr.passerelle.db;

import static fr.passerelle.db.ReplicatedTables.CHANGE_SEQ;
import static fr.passerelle.db.ReplicatedTables.col;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What the in-memory snapshots (search index, candidate pool; ADR 0041) share: streaming a whole
 * table read, and the data version a snapshot was read at.
 */
public final class Snapshots {
  private static final int FETCH = 10_000;

  private Snapshots() {}

  /** One row of a scan. */
  public interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  /**
   * Streams every row of {@code sql} to {@code handler}, fetched in large pages. On H2 with lazy
   * execution: rows are handed over as the index is read instead of being copied first into a
   * result, which past a few tens of thousands of rows H2 writes to a temporary file and reads back
   * (half the time of the matching pool's passes at region scale, ADR 0209); the setting is put
   * back before the connection returns to its pool. PostgreSQL streams by the fetch size, but only
   * inside a transaction (else PgJDBC reads every row first).
   */
  public static void scan(Connection c, String sql, RowHandler handler) throws SQLException {
    boolean h2 = Database.dialect(c) == org.jooq.SQLDialect.H2;
    boolean streamInTx = c.getAutoCommit() && !h2;
    if (streamInTx) {
      c.setAutoCommit(false);
    }
    try (Statement st = c.createStatement()) {
      if (h2) {
        st.execute("SET LAZY_QUERY_EXECUTION TRUE");
      }
      st.setFetchSize(FETCH);
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          handler.row(rs);
        }
      } finally {
        if (h2) {
          st.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
      }
    } finally {
      if (streamInTx) {
        c.rollback(); // a read: nothing to keep
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * The data version of these replicated tables: their highest local change sequences (indexed MAX
   * lookups, one query). Any local write or import changes it.
   */
  public static String version(DSLContext ctx, Table<?>... tables) {
    Field<?>[] maxes =
        Arrays.stream(tables)
            .map(t -> DSL.field(ctx.select(DSL.max(col(t, CHANGE_SEQ))).from(t)))
            .toArray(Field[]::new);
    return ctx.select(maxes).fetchOne().formatCSV(false);
  }
}
