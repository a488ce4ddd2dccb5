package fr.passerelle.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Moves an embedded installation's rows into an empty PostgreSQL database (issue 15, ADR 0183): the
 * target claimed (an advisory lock: two workstations moving into the same database at once, one
 * waits, then finds it taken), checked empty, its schema made by the same migrations, then every
 * table copied through PgJDBC's {@code COPY FROM STDIN} in foreign-key order, in one transaction,
 * the identity columns' sequences set past the copied values, and the row counts and the caller's
 * digest compared before the commit. Rows are copied as they are: ids, change sequences, replica
 * stamps and the audit chain's hashes.
 */
public final class ServerCopy implements AutoCloseable {
  /** The advisory lock's key: "passerelle migrate" (any constant of our own). */
  private static final long LOCK = 0x7061737365726c6cL;

  private static final String HISTORY = "flyway_schema_history";

  private final OfficeServer server;
  private final Connection target;

  private ServerCopy(OfficeServer server, Connection target) {
    this.server = server;
    this.target = target;
  }

  /**
   * Connects to {@code server} with {@code password} and claims its database for a move: waits
   * while another workstation moves into it, then refuses a database (its schema) that holds
   * anything, nothing changed. Unreachable, refused credentials: said with the address.
   */
  public static ServerCopy claim(OfficeServer server, char[] password) {
    PGSimpleDataSource ds = ServerOpening.configure(new PGSimpleDataSource(), server, password);
    ds.setApplicationName("Passerelle migrate");
    ds.setCurrentSchema(server.schemaOrPublic());
    Connection c;
    try {
      c = ds.getConnection();
    } catch (SQLException e) {
      throw ServerOpening.unreachable(server, e);
    }
    ServerCopy copy = new ServerCopy(server, c);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
      }
      List<String> found = copy.objects();
      if (!found.isEmpty()) {
        throw new DatabaseException(
            "The database at "
                + server.address()
                + " is not empty (schema "
                + server.schemaOrPublic()
                + " holds "
                + String.join(", ", found.subList(0, Math.min(5, found.size())))
                + (found.size() > 5 ? ", …" : "")
                + "): migrate moves an installation into an empty database only. Nothing was"
                + " changed.");
      }
      return copy;
    } catch (SQLException e) {
      copy.close();
      throw failed(server, e);
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  /** The tables, views and sequences of the target's schema. */
  private List<String> objects() throws SQLException {
    return ServerProbe.objects(target, server.schemaOrPublic());
  }

  /** What was copied and checked: rows per table and digests, before (embedded) and after. */
  public record Result(
      Map<String, Long> before,
      Map<String, Long> after,
      String digestBefore,
      String digestAfter,
      long millis) {
    /** True when every count and the digest are equal. */
    public boolean equal() {
      return before.equals(after) && digestBefore.equals(digestAfter);
    }
  }

  /**
   * Copies every table of {@code source} (the embedded database, migrated to this version) into the
   * target, whose schema the caller has just made with the same migrations ({@link Database#open(
   * java.nio.file.Path, OfficeServer, char[])}): in one transaction, what the migrations wrote
   * there (reference data, a replica row) replaced by the source's rows. {@code digest} is computed
   * on both sides; the transaction commits only when the counts and the digests are equal (else it
   * is rolled back and the {@link Result} says what differs).
   */
  public Result copy(Database source, Function<DSLContext, String> digest) {
    long t0 = System.nanoTime();
    try (Connection from = source.dataSource().getConnection()) {
      from.setReadOnly(true);
      Map<String, Long> before = rowCounts(from, "PUBLIC");
      String digestBefore = digest.apply(source.dsl(from));
      target.setAutoCommit(false);
      List<String> order = dependencyOrder(before.keySet());
      try (Statement s = target.createStatement()) {
        s.execute("TRUNCATE " + String.join(", ", order.stream().map(ServerCopy::q).toList()));
      }
      for (String table : order) {
        copyTable(from, table);
      }
      resetIdentities();
      Map<String, Long> after = rowCounts(target, server.schemaOrPublic());
      String digestAfter = digest.apply(Database.dslOf(target));
      Result r =
          new Result(
              before, after, digestBefore, digestAfter, (System.nanoTime() - t0) / 1_000_000);
      if (r.equal()) {
        target.commit();
      } else {
        target.rollback();
      }
      return r;
    } catch (SQLException e) {
      rollbackQuietly();
      throw failed(server, e);
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  /**
   * Drops what the move created in the target's schema (it was empty when claimed): a failed move
   * leaves the database as it found it.
   */
  public void undo() {
    try {
      target.setAutoCommit(true);
      List<String> tables = new ArrayList<>();
      List<String> sequences = new ArrayList<>();
      try (PreparedStatement p =
          target.prepareStatement(
              "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'S')")) {
        p.setString(1, server.schemaOrPublic());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            (rs.getString(2).equals("r") ? tables : sequences).add(q(rs.getString(1)));
          }
        }
      }
      try (Statement s = target.createStatement()) {
        if (!tables.isEmpty()) {
          s.execute("DROP TABLE IF EXISTS " + String.join(", ", tables) + " CASCADE");
        }
        if (!sequences.isEmpty()) {
          s.execute("DROP SEQUENCE IF EXISTS " + String.join(", ", sequences) + " CASCADE");
        }
      }
    } catch (SQLException e) {
      System.getLogger(ServerCopy.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "cannot drop the tables of an interrupted move on " + server.address(),
              e);
    }
  }

  private void rollbackQuietly() {
    try {
      if (!target.getAutoCommit()) {
        target.rollback();
      }
    } catch (SQLException e) {
      System.getLogger(ServerCopy.class.getName())
          .log(System.Logger.Level.DEBUG, "rollback of the move", e);
    }
  }

  /** The number of rows of every table of {@code schema} on {@code c}, by lower-case name. */
  static Map<String, Long> rowCounts(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    try (Statement s = c.createStatement()) {
      for (String t : tables) {
        String name = t.toLowerCase(Locale.ROOT);
        if (name.equals(HISTORY)) {
          continue; // each database's own migration history
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
          rs.next();
          counts.put(name, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  /**
   * {@code tables} ordered so that a table comes after those its foreign keys name; refused when
   * the target's tables are not the source's (another version of the schema).
   */
  private List<String> dependencyOrder(Set<String> tables) throws SQLException {
    Set<String> there = new LinkedHashSet<>(rowCounts(target, server.schemaOrPublic()).keySet());
    if (!there.equals(tables)) {
      Set<String> missing = new java.util.TreeSet<>(tables);
      missing.removeAll(there);
      Set<String> extra = new java.util.TreeSet<>(there);
      extra.removeAll(tables);
      throw new DatabaseException(
          "The tables made on "
              + server.address()
              + " are not the embedded database's (missing there: "
              + missing
              + ", only there: "
              + extra
              + "): nothing was moved.");
    }
    Map<String, Set<String>> needs = new TreeMap<>();
    tables.forEach(t -> needs.put(t, new LinkedHashSet<>()));
    try (PreparedStatement p =
        target.prepareStatement(
            "SELECT a.relname, b.relname FROM pg_constraint c"
                + " JOIN pg_class a ON a.oid = c.conrelid JOIN pg_class b ON b.oid = c.confrelid"
                + " JOIN pg_namespace n ON n.oid = c.connamespace"
                + " WHERE c.contype = 'f' AND n.nspname = ?")) {
      p.setString(1, server.schemaOrPublic());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String child = rs.getString(1);
          String parent = rs.getString(2);
          if (!child.equals(parent) && needs.containsKey(child)) {
            needs.get(child).add(parent);
          }
        }
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (String t : needs.keySet()) {
      visit(t, needs, done, new ArrayDeque<>(), order);
    }
    return order;
  }

  private static void visit(
      String t,
      Map<String, Set<String>> needs,
      Set<String> done,
      Deque<String> path,
      List<String> out) {
    if (done.contains(t)) {
      return;
    }
    if (path.contains(t)) {
      throw new DatabaseException("The foreign keys of the tables form a cycle through " + t + ".");
    }
    path.push(t);
    for (String parent : needs.getOrDefault(t, Set.of())) {
      visit(parent, needs, done, path, out);
    }
    path.pop();
    done.add(t);
    out.add(t);
  }

  /** A column of the target: its name and PostgreSQL type. */
  private record Column(String name, String type) {}

  /** The target's columns of {@code table}, in order. */
  private List<Column> columns(String table) throws SQLException {
    List<Column> cols = new ArrayList<>();
    try (PreparedStatement p =
        target.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, server.schemaOrPublic());
      p.setString(2, table);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          cols.add(new Column(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return cols;
  }

  /** Streams {@code table}'s rows from the embedded database into {@code COPY FROM STDIN}. */
  private void copyTable(Connection from, String table) throws SQLException {
    List<Column> cols = columns(table);
    String select =
        "SELECT "
            + String.join(
                ", ",
                cols.stream().map(c -> "\"" + c.name().toUpperCase(Locale.ROOT) + "\"").toList())
            + " FROM \""
            + table.toUpperCase(Locale.ROOT)
            + "\"";
    try (CopyText copy =
            CopyText.start(
                target,
                q(table),
                cols.stream().map(c -> q(c.name())).toList(),
                table,
                cols.stream().map(Column::name).toList());
        Statement s = from.createStatement()) {
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery(select)) {
        int n = cols.size();
        while (rs.next()) {
          for (int i = 0; i < n; i++) {
            copy.value(read(rs, i + 1, cols.get(i)));
          }
          copy.endRow();
        }
      }
      copy.finish();
    }
  }

  /** The value of column {@code i} as the type PostgreSQL's column holds. */
  private static Object read(ResultSet rs, int i, Column col) throws SQLException {
    return switch (col.type()) {
      case "timestamp with time zone" -> rs.getObject(i, OffsetDateTime.class);
      case "timestamp without time zone" -> rs.getObject(i, LocalDateTime.class);
      case "date" -> rs.getObject(i, LocalDate.class);
      case "time without time zone" -> rs.getObject(i, LocalTime.class);
      case "boolean" -> rs.getObject(i, Boolean.class);
      case "bytea" -> rs.getBytes(i);
      case "uuid" -> rs.getObject(i, java.util.UUID.class);
      default -> rs.getString(i);
    };
  }

  /** Sets each identity column's sequence past the largest copied value. */
  private void resetIdentities() throws SQLException {
    Map<String, String> identities = new LinkedHashMap<>();
    try (PreparedStatement p =
        target.prepareStatement(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_identity = 'YES'")) {
      p.setString(1, server.schemaOrPublic());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          identities.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    try (Statement s = target.createStatement()) {
      for (var e : identities.entrySet()) {
        String t = e.getKey();
        String c = e.getValue();
        s.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + q(t)
                + "', '"
                + c
                + "'), COALESCE(MAX("
                + q(c)
                + "), 0) + 1, false) FROM "
                + q(t));
      }
    }
  }

  private static String q(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static DatabaseException failed(OfficeServer server, SQLException e) {
    String state = String.valueOf(e.getSQLState());
    if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")) {
      return ServerOpening.unreachable(server, e);
    }
    return new DatabaseException(
        "Moving the installation to " + server.address() + " failed: " + e.getMessage(), e);
  }

  /** Releases the claim (the advisory lock goes with the connection). */
  @Override
  public void close() {
    try {
      target.close();
    } catch (SQLException e) {
      System.getLogger(ServerCopy.class.getName())
          .log(System.Logger.Level.DEBUG, "closing the move's connection", e);
    }
  }
}
