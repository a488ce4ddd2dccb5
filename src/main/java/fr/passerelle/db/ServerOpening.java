package fr.passerelle.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reaches the office's PostgreSQL server (ADR 0150): the pool of an installation, its schema
 * created when missing; a failure said with the server's address, never the password.
 */
final class ServerOpening {
  private ServerOpening() {}

  /**
   * The pool of {@code server} (password null: PostgreSQL's {@code .pgpass} answers). HikariCP, not
   * H2's pool (ADR 0211): a connection the server dropped (restarted, network cut) is checked
   * before it is lent and never lent again, so the first action once the server is back goes
   * through.
   */
  static HikariDataSource pool(OfficeServer server, char[] password) {
    PGSimpleDataSource ds = configure(new PGSimpleDataSource(), server, password);
    // the server's list of sessions says whose they are (with the schema when the office has one)
    ds.setApplicationName(server.schema() == null ? "Passerelle" : "Passerelle " + server.schema());
    try (Connection first = ds.getConnection()) {
      if (server.schema() != null) {
        try (java.sql.Statement s = first.createStatement()) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + server.schema());
        }
      }
    } catch (SQLException e) {
      throw unreachable(server, e);
    }
    ds.setCurrentSchema(server.schemaOrPublic());
    HikariConfig config = new HikariConfig();
    config.setDataSource(ds);
    config.setPoolName("Passerelle-" + server.host());
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(IDLE_CONNECTIONS);
    config.setConnectionTimeout(BORROW_TIMEOUT_MILLIS);
    config.setInitializationFailTimeout(-1); // reached just above, with the message that says why
    return new HikariDataSource(config);
  }

  /** At most this many connections per workstation (a burst of background work). */
  static final int MAX_CONNECTIONS = 16;

  /** Kept open between actions (the listening connection is a third, ADR 0178). */
  static final int IDLE_CONNECTIONS = 2;

  /** How long an action waits for a connection before it is told the server does not answer. */
  static final long BORROW_TIMEOUT_MILLIS = 10_000L;

  /**
   * {@code ds} set to reach {@code server} as its user with {@code password} (null: PostgreSQL's
   * {@code .pgpass} answers), giving up after ten seconds.
   */
  static <T extends org.postgresql.ds.common.BaseDataSource> T configure(
      T ds, OfficeServer server, char[] password) {
    ds.setServerNames(new String[] {server.host()});
    ds.setPortNumbers(new int[] {server.port()});
    ds.setDatabaseName(server.database());
    ds.setUser(server.user());
    if (password != null) {
      ds.setPassword(new String(password));
    }
    ds.setConnectTimeout(10);
    ds.setLoginTimeout(10);
    return ds;
  }

  /** The failure to reach {@code server}, said with its address (never the password). */
  static DatabaseException unreachable(OfficeServer server, SQLException e) {
    String state = String.valueOf(e.getSQLState());
    String why;
    String key;
    Object arg = server.user();
    if (state.equals("08004") && String.valueOf(e.getMessage()).contains("no password")) {
      why =
          "the server asks a password and none is kept for the user "
              + server.user()
              + " (set the server up with init --database, or give it in ~/.pgpass)";
      key = "server.error.noPassword";
    } else if (state.startsWith("08")) {
      why = "the server does not answer (is it started, is the address right, is the network up?)";
      key = "server.error.unreachable";
    } else if (state.equals("53300")) {
      why =
          "every connection the server allows is taken (too many workstations for its"
              + " max_connections: docs/office-server.md)";
      key = "server.error.full";
    } else if (state.equals("28P01") || state.equals("28000")) {
      why = "the user " + server.user() + " or its password is refused";
      key = "server.error.refused";
    } else if (state.equals("3D000")) {
      why = "the database " + server.database() + " does not exist on it";
      key = "server.error.noDatabase";
      arg = server.database();
    } else if (state.equals("42501")) {
      why = "the user " + server.user() + " may not create the schema " + server.schema();
      key = "server.error.schema";
    } else {
      why = e.getMessage();
      key = "server.error.other";
      arg = String.valueOf(e.getMessage());
    }
    DatabaseException d =
        new DatabaseException(
            "Cannot open the office database at " + server.address() + ": " + why + ".", e);
    d.keyed(key, server.address(), arg);
    return d;
  }
}
