package fr.passerelle.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * How a data folder's H2 file is reached (URL, password, pooled data source) and what H2's refusal
 * to open it means for a counselor; used by {@link Database}, the rebuild and the backup checks.
 */
final class H2Connections {
  private H2Connections() {}

  /**
   * The H2 URL of a data folder's database. {@code WRITE_DELAY=0}: each commit is written to the
   * file before it returns (H2's default stores commits in the background every 500 ms, and a kill
   * lost the last half second of acknowledged edits in 10 rounds of 10); the whole of a commit a
   * kill cuts is kept by ADR 0137 (ADR 0138).
   */
  static String url(Path dataDir) {
    return url(dataDir, null);
  }

  /**
   * The H2 URL of a data folder's database encrypted under {@code key} (ADR 0207): H2's {@code
   * CIPHER=AES} file format through {@link AesFiles}, the key's opaque handle in the URL in place
   * of any secret; {@link #url(Path)} when {@code key} is null.
   */
  static String url(Path dataDir, AesFiles.Key key) {
    return "jdbc:h2:"
        + (key == null ? "file:" : key.prefix())
        + dataDir.resolve(Database.FILE_NAME).toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  /**
   * The URL of {@code dataDir}'s database and, for an encrypted one ({@code filePassword} not
   * null), the file password lent to H2 under a handle until {@link #close()}.
   */
  record Link(String url, AesFiles.Key key) implements AutoCloseable {
    static Link of(Path dataDir, char[] filePassword) {
      AesFiles.Key key = filePassword == null ? null : AesFiles.lend(filePassword);
      return new Link(H2Connections.url(dataDir, key), key);
    }

    /** A connection on {@link #url()} followed by {@code options} ({@code ";K=V…"}). */
    Connection connect(String options) throws SQLException {
      return H2Connections.connect(url + options);
    }

    @Override
    public void close() {
      if (key != null) {
        key.close();
      }
    }
  }

  /**
   * A connection to {@code url} (H2's own, clear or {@link AesFiles}'s): user {@code sa}, empty
   * password — an encrypted file's key is not H2's to know (ADR 0207).
   */
  static Connection connect(String url) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "");
    return new org.h2.Driver().connect(url, p);
  }

  static org.h2.jdbcx.JdbcDataSource dataSource(String url) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  static DatabaseException translate(Path dataDir, SQLException e) {
    SQLException root = e;
    while (root.getNextException() != null) {
      root = root.getNextException();
    }
    int code = e.getErrorCode();
    if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
      return new DatabaseException(
              "Passerelle is already open on the data folder "
                  + dataDir
                  + " (another window or another user?). Close it first.",
              e)
          .keyed("db.open.alreadyOpen", dataDir.toString());
    }
    boolean fileExists = Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"));
    if (code == ErrorCode.FILE_CORRUPTED_1
        || (fileExists && (code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2))
        || code == ErrorCode.FILE_VERSION_ERROR_1
        || code == ErrorCode.WRONG_PASSWORD_FORMAT
        || code == ErrorCode.FILE_ENCRYPTION_ERROR_1
        || code == ErrorCode.WRONG_USER_OR_PASSWORD) {
      Path file = dataDir.resolve(Database.FILE_NAME + ".mv.db");
      return new DatabaseException("The file " + file + " is not a Passerelle database.", e)
          .keyed("db.open.notPasserelle", file.toString());
    }
    return new DatabaseException(
            "Cannot open the database in " + dataDir + ": " + e.getMessage(), e)
        .keyed("db.open.failed", dataDir.toString(), String.valueOf(e.getMessage()));
  }
}
