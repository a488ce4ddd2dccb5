package fr.passerelle.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.DSLContext;

/**
 * Runs whole-table passes on one connection with H2's lazy execution: rows are handed over as the
 * index is read instead of being copied first into a result (which spills to a temporary file past
 * a few tens of thousands of rows). The setting is put back before the connection returns to the
 * pool.
 */
final class LazyScan {
  /** The work done on the connection. */
  interface Body<T> {
    T run(Connection c) throws SQLException;
  }

  private LazyScan() {}

  static <T> T on(DSLContext dsl, Body<T> body) {
    return dsl.connectionResult(
        c -> {
          set(c, true);
          try {
            return body.run(c);
          } finally {
            set(c, false);
          }
        });
  }

  private static void set(Connection c, boolean lazy) throws SQLException {
    if (fr.passerelle.db.Database.dialect(c) != org.jooq.SQLDialect.H2) {
      return; // H2's own setting; PostgreSQL streams with a fetch size in a transaction
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
    }
  }
}
