package fr.passerelle.testsupport;

import fr.passerelle.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.table.Table;

/**
 * Damages a database the way a crash in the middle of a large commit did under H2 2.5.252 (ADR
 * 0080): index entries lost while their rows stay, written to the file. Reaches into H2's storage,
 * under SQL and transactions: for tests only.
 */
public final class Damage {
  private Damage() {}

  /**
   * Removes the first {@code n} entries of one secondary index of {@code table}; returns its name.
   */
  public static String loseIndexEntries(Database db, String table, int n) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
      Table t = session.getDatabase().getSchema("PUBLIC").findTableOrView(session, table);
      for (Index i : t.getIndexes()) {
        if (i instanceof MVSecondaryIndex idx && !idx.getIndexType().isPrimaryKey()) {
          @SuppressWarnings("unchecked")
          MVMap<Object, Object> map = (MVMap<Object, Object>) (MVMap<?, ?>) idx.getMVMap();
          List<Object> keys = new ArrayList<>();
          for (var it = map.keyIterator(null); it.hasNext() && keys.size() < n; ) {
            keys.add(it.next());
          }
          keys.forEach(map::remove);
          try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
          }
          return idx.getName();
        }
      }
    }
    throw new IllegalArgumentException(table + " has no secondary index");
  }
}
