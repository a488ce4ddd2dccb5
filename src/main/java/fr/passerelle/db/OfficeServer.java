package fr.passerelle.db;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.crypto.ServerPassword;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL office server an installation uses instead of its embedded H2 file (ADR 0150):
 * {@code postgresql://host[:port]/database}, a database user and, for the tests' fresh schemas, a
 * schema. Its descriptor {@value #FILE} in the data folder says where the database is; the password
 * is in it only sealed with the installation's file key (the key the account slots of {@code
 * passerelle.keys} wrap, ADR 0110), never in clear. A descriptor without a sealed password leaves
 * the password to PostgreSQL's own {@code ~/.pgpass} (or {@code PGPASSFILE}), or to a server that
 * asks none.
 */
public record OfficeServer(String host, int port, String database, String user, String schema) {
  /** The descriptor of the office server in a data folder. */
  public static final String FILE = "passerelle.server";

  public static final int DEFAULT_PORT = 5432;

  private static final Pattern LOCATION =
      Pattern.compile(
          "(?i)(?:jdbc:)?postgres(?:ql)?://(\\[[0-9a-f:.]+]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?/"
              + "([A-Za-z0-9_][A-Za-z0-9_$-]*)/?");
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public OfficeServer {
    if (user == null || user.isBlank()) {
      throw new InvalidInputException(
          "--db-user: the database user of the office server is needed.");
    }
    if (schema != null && !NAME.matcher(schema).matches()) {
      throw new InvalidInputException(
          "schema \"" + schema + "\": lower-case letters, digits and _ only.");
    }
  }

  /**
   * The server at {@code location} ({@code postgresql://host[:port]/database}) for {@code user}, in
   * the database's {@code public} schema. Anything else is refused with the form expected.
   */
  public static OfficeServer parse(String location, String user) {
    Matcher m = LOCATION.matcher(location == null ? "" : location.trim());
    if (!m.matches()) {
      throw new InvalidInputException(
          "--database \""
              + location
              + "\": expected postgresql://host:port/database (for example"
              + " postgresql://serveur-agence:5432/passerelle).");
    }
    int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      throw new InvalidInputException(
          "--database \"" + location + "\": no such port " + port + ".");
    }
    return new OfficeServer(m.group(1), port, m.group(3), user, null);
  }

  /** True when {@code location} is an address {@link #parse} takes. */
  public static boolean looksValid(String location) {
    Matcher m = LOCATION.matcher(location == null ? "" : location.trim());
    if (!m.matches()) {
      return false;
    }
    int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
    return port >= 1 && port <= 65535;
  }

  /** The same server, the installation's tables in {@code schemaName} (tests: one per class). */
  public OfficeServer inSchema(String schemaName) {
    return new OfficeServer(host, port, database, user, schemaName);
  }

  /** The schema the tables are in. */
  public String schemaOrPublic() {
    return schema == null ? "public" : schema;
  }

  /** {@code postgresql://host:port/database}, as the user types it (no password, ever). */
  public String address() {
    return "postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return address() + " (user " + user + ")";
  }

  /** The descriptor of {@code dataDir}, if its installation uses an office server. */
  public static Optional<Configured> read(Path dataDir) {
    Path f = dataDir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new DatabaseException("Cannot read " + f + ": " + e.getMessage(), e);
    }
    String location = p.getProperty("database");
    String user = p.getProperty("user");
    if (location == null || user == null) {
      throw new InvalidInputException(f + ": the lines database= and user= are needed.");
    }
    OfficeServer s = parse(location, user);
    String schema = p.getProperty("schema");
    if (schema != null && !schema.isBlank()) {
      s = s.inSchema(schema.trim().toLowerCase(Locale.ROOT));
    }
    return Optional.of(new Configured(s, p.getProperty("password.sealed")));
  }

  /**
   * Writes the descriptor of this server into {@code dataDir}: the password sealed with {@code
   * fileKey} (the installation's file key as hex digits), or none when {@code password} is null.
   */
  public void write(Path dataDir, char[] password, char[] fileKey) {
    Properties p = new Properties();
    p.setProperty("database", address());
    p.setProperty("user", user);
    if (schema != null) {
      p.setProperty("schema", schema);
    }
    if (password != null) {
      p.setProperty("password.sealed", ServerPassword.seal(password, fileKey, aad()));
    }
    Path f = dataDir.resolve(FILE);
    Path tmp = dataDir.resolve(FILE + ".new");
    try {
      Files.createDirectories(dataDir);
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Passerelle's office server (docs/office-server.md); the password is sealed");
      }
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DatabaseException("Cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  /** What a sealed password is bound to: it does not open for another server or user. */
  String aad() {
    return address() + "|" + user;
  }

  /** A data folder's descriptor: the server and its sealed password (null: none kept). */
  public record Configured(OfficeServer server, String sealedPassword) {
    /**
     * The password, unsealed with {@code fileKey} (null: none kept, PostgreSQL's {@code .pgpass}
     * answers). A sealed password without the key is refused: an account signs in first.
     */
    public char[] password(char[] fileKey) {
      if (sealedPassword == null) {
        return null;
      }
      if (fileKey == null) {
        throw new DatabaseException(
            "The password of the office server "
                + server.address()
                + " is kept encrypted: it opens when an account signs in.");
      }
      return ServerPassword.unseal(sealedPassword, fileKey, server.aad());
    }
  }
}
