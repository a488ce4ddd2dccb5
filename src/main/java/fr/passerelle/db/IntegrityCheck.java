package fr.passerelle.db;

import fr.passerelle.core.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Reads every row of the tables it is given, once through the table itself and once through each of
 * its indexes (each index entry leads to its row), on a connection that waits at most a moment for
 * a lock. What a crash in the middle of a commit leaves behind (ADR 0080) shows up as an error
 * ("Row not found in primary index", a lock held by a transaction that no longer exists) or as an
 * index that does not count the same rows as its table. Nothing is written.
 */
public final class IntegrityCheck {
  /** A read of a healthy table never waits for a lock: a wait means a dead transaction's lock. */
  static final int LOCK_TIMEOUT_MS = 200;

  private IntegrityCheck() {}

  /** One thing found wrong: the table, the index (null for the table itself), what happened. */
  public record Problem(String table, String index, String detail) {
    @Override
    public String toString() {
      return table.toLowerCase(Locale.ROOT)
          + (index == null ? "" : " (index " + index.toLowerCase(Locale.ROOT) + ")")
          + ": "
          + detail;
    }
  }

  /** What the check read and found. */
  public record Result(List<Problem> problems, List<String> tables, long rows, Duration took) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** The tables with a problem, lower case, in order. */
    public Set<String> damagedTables() {
      Set<String> out = new TreeSet<>();
      problems.forEach(p -> out.add(p.table().toLowerCase(Locale.ROOT)));
      return out;
    }
  }

  /** The small tables that say where the data stands: read after any unclean shutdown. */
  static final List<String> CONTROL_TABLES =
      List.of(
          "replica", "office", "peer", "setting", "sync_log", "sync_import", "sync_touched_person");

  /**
   * The check at open after an unclean shutdown: the control tables and the tables the writes a
   * crash interrupted named in the journal (every table if one of them could touch any).
   */
  public static Result afterCrash(Database db, Progress progress) {
    Set<String> tables = new java.util.LinkedHashSet<>(CONTROL_TABLES);
    for (Journal.Entry e : new Journal(db.dataDir()).leftovers()) {
      if (e.touchesAllTables()) {
        return all(db.dataSource(), progress);
      }
      tables.addAll(e.tables());
    }
    return run(db.dataSource(), tables, progress);
  }

  /** Every table of the database. */
  public static Result all(DataSource ds, Progress progress) {
    return run(ds, null, progress);
  }

  /**
   * The given tables (names in any case; unknown names are skipped), or every table if {@code
   * tables} is null.
   */
  public static Result run(DataSource ds, Collection<String> tables, Progress progress) {
    long t0 = System.nanoTime();
    List<Problem> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    long rows = 0;
    try (Connection c = ds.getConnection()) {
      setLockTimeout(c, LOCK_TIMEOUT_MS);
      // one snapshot for the whole check: a table and its indexes are read at different moments,
      // and the window's other work may write meanwhile
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        rows = checkAll(c, tables, progress, problems, checked);
      } finally {
        c.rollback();
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(true);
        // the pool hands this session out again: with the database's own timeout
        setLockTimeout(c, org.h2.engine.Constants.INITIAL_LOCK_TIMEOUT);
      }
    } catch (SQLException e) {
      problems.add(new Problem("?", null, "the database cannot be read: " + firstLine(e)));
    }
    return new Result(problems, checked, rows, Duration.ofNanos(System.nanoTime() - t0));
  }

  private static void setLockTimeout(Connection c, int millis) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCK_TIMEOUT " + millis);
    }
  }

  private static long checkAll(
      Connection c,
      Collection<String> tables,
      Progress progress,
      List<Problem> problems,
      List<String> checked)
      throws SQLException {
    long rows = 0;
    Map<String, Table> schema = schema(c);
    List<Table> todo = new ArrayList<>();
    if (tables == null) {
      todo.addAll(schema.values());
    } else {
      for (String t : tables) {
        Table found = schema.get(t.toUpperCase(Locale.ROOT));
        if (found != null && !todo.contains(found)) {
          todo.add(found);
        }
      }
    }
    int i = 0;
    for (Table t : todo) {
      progress.update(i++, todo.size(), t.name.toLowerCase(Locale.ROOT));
      if (progress.isCancelled()) {
        throw new fr.passerelle.core.CancelledException();
      }
      checked.add(t.name.toLowerCase(Locale.ROOT));
      rows += check(c, t, problems);
    }
    progress.update(todo.size(), todo.size(), null);
    return rows;
  }

  private record Index(String name, List<String> columns) {}

  private record Table(String name, List<String> columns, List<Index> indexes) {}

  private static Map<String, Table> schema(Connection c) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS c"
                    + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                    + " AND t.TABLE_NAME = c.TABLE_NAME"
                    + " WHERE c.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE'"
                    + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
      while (rs.next()) {
        columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    Map<String, Map<String, List<String>>> indexes = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, INDEX_NAME,"
                    + " ORDINAL_POSITION")) {
      while (rs.next()) {
        indexes
            .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
            .add(rs.getString(3));
      }
    }
    Map<String, Table> out = new LinkedHashMap<>();
    columns.forEach(
        (table, cols) -> {
          List<Index> idx = new ArrayList<>();
          indexes.getOrDefault(table, Map.of()).forEach((n, ic) -> idx.add(new Index(n, ic)));
          out.put(table, new Table(table, cols, idx));
        });
    return out;
  }

  /** Checks one table; returns the rows its scan read. */
  private static long check(Connection c, Table t, List<Problem> problems) {
    String any = quote(t.columns.get(t.columns.size() - 1));
    long scanned;
    try {
      // the table itself: every row read (the WHERE makes H2 read each one)
      scanned =
          count(
              c,
              "SELECT COUNT(*) FROM "
                  + quote(t.name)
                  + " USE INDEX () WHERE "
                  + any
                  + " IS NULL OR "
                  + any
                  + " IS NOT NULL");
    } catch (SQLException e) {
      problems.add(new Problem(t.name, null, firstLine(e)));
      return 0;
    }
    for (Index idx : t.indexes) {
      String fetched =
          t.columns.stream()
              .filter(col -> !idx.columns.contains(col))
              .findFirst()
              .map(IntegrityCheck::quote)
              .orElse("*");
      String sql =
          "SELECT "
              + fetched
              + " FROM "
              + quote(t.name)
              + " USE INDEX ("
              + quote(idx.name)
              + ") ORDER BY "
              + String.join(", ", idx.columns.stream().map(IntegrityCheck::quote).toList());
      try {
        long n = stream(c, sql);
        if (n != scanned) {
          problems.add(
              new Problem(
                  t.name,
                  idx.name,
                  "the index leads to " + n + " rows, the table holds " + scanned));
        }
      } catch (SQLException e) {
        problems.add(new Problem(t.name, idx.name, firstLine(e)));
      }
    }
    return scanned;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long stream(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(5_000);
      try (ResultSet rs = ps.executeQuery()) {
        long n = 0;
        while (rs.next()) {
          rs.getObject(1);
          n++;
        }
        return n;
      }
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).replaceAll("; SQL statement:$", "").trim();
  }
}
