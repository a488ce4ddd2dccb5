package fr.passerelle.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Whether a database already holds every migration this build ships, and nothing else (ADR 0188):
 * then opening it needs no Flyway (whose set-up and two passes over the migrations took a third of
 * an open). Anything unusual — a history missing or failed, a baseline, a version this build does
 * not ship, a class path it cannot list — answers "no", and Flyway decides as before.
 */
final class ShippedMigrations {
  /** Where the SQL migrations are, as Flyway is told ({@code classpath:db/migration}). */
  static final String LOCATION = "db/migration";

  /** An anchor that every build ships, to find the folder or jar of the migrations. */
  private static final String ANCHOR = LOCATION + "/V1__schema.sql";

  /** Flyway's history table, as Flyway names it (quoted, lower case). */
  private static final String HISTORY = "flyway_schema_history";

  private static final Pattern SQL_FILE = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

  private ShippedMigrations() {}

  /** True when the database's history is exactly the versions shipped, all applied. */
  static boolean allApplied(DataSource pool, Collection<? extends JavaMigration> java) {
    Optional<Set<String>> shipped = versions(ShippedMigrations.class.getClassLoader(), java);
    if (shipped.isEmpty()) {
      return false;
    }
    try (Connection c = pool.getConnection()) {
      if (!hasHistory(c)) {
        return false; // a new database: Flyway creates the history (asked first: a failed query
        // would leave H2's trace file in the data folder)
      }
      return applied(c).map(shipped.get()::equals).orElse(false);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * The versions of the SQL migrations in the class path and of the Java ones; empty when the class
   * path cannot be listed.
   */
  static Optional<Set<String>> versions(
      ClassLoader loader, Collection<? extends JavaMigration> java) {
    URL anchor = loader.getResource(ANCHOR);
    if (anchor == null) {
      return Optional.empty();
    }
    Set<String> out = new HashSet<>();
    try {
      for (String name : names(anchor)) {
        Matcher m = SQL_FILE.matcher(name);
        if (m.matches()) {
          out.add(normal(m.group(1)));
        } else if (name.endsWith(".sql")) {
          return Optional.empty(); // a repeatable or other kind: Flyway's business
        }
      }
    } catch (IOException | URISyntaxException | UncheckedIOException e) {
      return Optional.empty();
    }
    java.forEach(j -> out.add(j.getVersion().getVersion()));
    return Optional.of(out);
  }

  /** The file names in the migrations' folder (or jar directory). */
  private static Set<String> names(URL anchor) throws IOException, URISyntaxException {
    Set<String> names = new HashSet<>();
    if ("jar".equals(anchor.getProtocol())) {
      JarURLConnection conn = (JarURLConnection) anchor.openConnection();
      conn.setUseCaches(true); // the class loader's open jar, not a second copy
      JarFile jar = conn.getJarFile();
      jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(LOCATION + "/") && n.indexOf('/', LOCATION.length() + 1) < 0)
          .forEach(n -> names.add(n.substring(LOCATION.length() + 1)));
    } else if ("file".equals(anchor.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
        files.forEach(f -> names.add(f.getFileName().toString()));
      }
    } else {
      throw new IOException("cannot list " + anchor);
    }
    names.remove("");
    return names;
  }

  private static boolean hasHistory(Connection c) throws SQLException {
    try (ResultSet t = c.getMetaData().getTables(null, c.getSchema(), HISTORY, null)) {
      return t.next();
    }
  }

  /**
   * The versions in Flyway's history when every row is an applied migration (or the row of the
   * history's creation); empty otherwise.
   */
  static Optional<Set<String>> applied(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
      while (r.next()) {
        String version = r.getString(1);
        String type = r.getString(2);
        if (!r.getBoolean(3)) {
          return Optional.empty();
        }
        if (version == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
          continue; // the row of the history's own creation
        }
        if (version == null || !("SQL".equals(type) || "JDBC".equals(type))) {
          return Optional.empty();
        }
        out.add(normal(version));
      }
    }
    return Optional.of(out);
  }

  private static String normal(String version) {
    return MigrationVersion.fromVersion(version).getVersion();
  }
}
