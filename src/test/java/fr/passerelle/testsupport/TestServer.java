package fr.passerelle.testsupport;

import fr.passerelle.db.Database;
import fr.passerelle.db.OfficeServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server the tests run against when one is named (ADR 0152): system property or
 * environment variable {@value #LOCATION} ({@code postgresql://localhost:5432/passerelle_test}),
 * with {@value #USER} and {@value #PASSWORD} (the password never on a command line: the
 * environment, or PostgreSQL's {@code ~/.pgpass}). Each data folder a test opens gets a fresh
 * schema of its own ({@code t_…}), named in the folder's {@code passerelle.server} descriptor
 * (without a password), so that the folder opened again finds its data and tests stay independent.
 * Not named: every test runs on its embedded H2 file, as always.
 */
public final class TestServer {
  public static final String LOCATION = "PASSERELLE_TEST_PG";
  public static final String USER = "PASSERELLE_TEST_PG_USER";
  public static final String PASSWORD = "PASSERELLE_TEST_PG_PASSWORD";

  private TestServer() {}

  private static String setting(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      v = System.getenv(name);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** True when the tests run against a PostgreSQL server. */
  public static boolean configured() {
    return setting(LOCATION) != null;
  }

  /** The test server, in the public schema. */
  public static OfficeServer server() {
    String user = setting(USER);
    return OfficeServer.parse(
        setting(LOCATION), user == null ? System.getProperty("user.name") : user);
  }

  /** The password of the test user (null: PostgreSQL's .pgpass answers). */
  public static char[] password() {
    String pw = setting(PASSWORD);
    return pw == null ? null : pw.toCharArray();
  }

  /** The schema of {@code dir} on the test server, made (in its descriptor) on first use. */
  public static OfficeServer schemaOf(Path dir) {
    Optional<OfficeServer.Configured> c = OfficeServer.read(dir);
    if (c.isPresent()) {
      return c.get().server();
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    OfficeServer s = server().inSchema(schema.toLowerCase(Locale.ROOT));
    s.write(dir, null, null);
    return s;
  }

  /** Opens (migrating) the database of {@code dir} on the test server. */
  public static Database open(Path dir) {
    char[] pw = password();
    try {
      return Database.open(dir, schemaOf(dir), pw);
    } finally {
      if (pw != null) {
        java.util.Arrays.fill(pw, '\0');
      }
    }
  }

  /**
   * Creates a new empty database on the test server and returns its name (the test user needs
   * {@code CREATEDB}); {@link #dropDatabase} removes it.
   */
  public static String createDatabase() {
    String name = "p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("CREATE DATABASE " + name);
    return name;
  }

  /**
   * Drops the database {@code name} made by {@link #createDatabase}, connections or not. Best
   * effort: a test's clean-up never fails the test. Under load a backend of the test may still be
   * going away when the drop asks to end it, and the server refuses ("must be a member of the role
   * whose process is being terminated", seen once in CI on PostgreSQL 15); the drop is tried again
   * a few times, then the randomly named database is left to the throwaway server.
   */
  public static void dropDatabase(String name) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        return;
      } catch (IllegalStateException e) {
        last = e;
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    System.err.println("test database " + name + " left on the server: " + last.getMessage());
  }

  /** {@code postgresql://host:port/database} on the test server. */
  public static String location(String database) {
    OfficeServer s = server();
    return "postgresql://" + s.host() + ":" + s.port() + "/" + database;
  }

  /** Runs {@code sql} on the test server's own database (administration: create, drop). */
  public static void admin(String sql) {
    admin(server().database(), sql);
  }

  /** Runs {@code sql} on the database {@code database} of the test server. */
  public static void admin(String database, String sql) {
    adminQuery(database, sql);
  }

  /**
   * Runs the query {@code sql} on the test server's own database and returns the first column of
   * its one row as a number (a count).
   */
  public static long adminNumber(String sql) {
    return adminQuery(server().database(), sql);
  }

  private static long adminQuery(String database, String sql) {
    OfficeServer s = server();
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", s.user());
    char[] pw = password();
    if (pw != null) {
      p.setProperty("password", new String(pw));
    }
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + database, p);
        java.sql.Statement st = c.createStatement()) {
      if (st.execute(sql)) {
        try (java.sql.ResultSet rs = st.getResultSet()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
      return 0L;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
