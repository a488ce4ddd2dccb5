package fr.passerelle.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What an office server's database holds, read without changing anything (ADR 0190): before a new
 * installation is set up on it (it must hold none), the "Tester la connexion" of the first-start
 * window, and before a workstation joins it (it must hold one, with its key slots). Unreachable,
 * refused credentials, a missing database: said with the address, as at every opening (ADR 0150).
 */
public final class ServerProbe {
  /** The tables, views and sequences of the schema; the accounts; the key slots kept there. */
  public record Found(List<String> objects, long accounts, List<String> keySlots) {
    /** True when nothing is in the schema: a new installation may be set up there. */
    public boolean empty() {
      return objects.isEmpty();
    }

    /** True when a Passerelle installation with accounts is there: a workstation may join it. */
    public boolean installation() {
      return accounts > 0;
    }
  }

  private ServerProbe() {}

  /** Connects to {@code server} with {@code password} and reads what its schema holds. */
  public static Found probe(OfficeServer server, char[] password) {
    PGSimpleDataSource ds = ServerOpening.configure(new PGSimpleDataSource(), server, password);
    ds.setApplicationName("Passerelle");
    ds.setCurrentSchema(server.schemaOrPublic());
    try (Connection c = ds.getConnection()) {
      c.setReadOnly(true);
      List<String> objects = objects(c, server.schemaOrPublic());
      long accounts = objects.contains("account") ? count(c, "SELECT COUNT(*) FROM account") : 0;
      List<String> slots = new ArrayList<>();
      if (objects.contains("key_slot")) {
        try (PreparedStatement p =
                c.prepareStatement("SELECT content FROM key_slot ORDER BY slot_id");
            ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            slots.add(rs.getString(1));
          }
        }
      }
      return new Found(List.copyOf(objects), accounts, List.copyOf(slots));
    } catch (SQLException e) {
      throw ServerOpening.unreachable(server, e);
    }
  }

  /** The tables, views and sequences of {@code schema} on {@code c}, by name. */
  static List<String> objects(Connection c, String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
                + " ORDER BY c.relname")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
