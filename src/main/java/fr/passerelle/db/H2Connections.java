package fr.passerelle.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
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
    return "jdbc:h2:file:"
        + dataDir.resolve(Database.FILE_NAME).toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  /**
   * {@link #url(Path)}, encrypted with H2's {@code CIPHER=AES} when {@code filePassword} is set.
   */
  static String url(Path dataDir, char[] filePassword) {
    return url(dataDir) + (filePassword == null ? "" : ";CIPHER=AES");
  }

  /**
   * A connection to {@code url} (H2's own), the file password given as characters, never as a
   * string: H2 takes "file password, space, user password" when the file is encrypted (ADR 0110).
   */
  static Connection connect(String url, char[] filePassword) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", "sa");
    p.put("password", h2Password(filePassword));
    return new org.h2.Driver().connect(url, p);
  }

  static org.h2.jdbcx.JdbcDataSource dataSource(String url, char[] filePassword) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPasswordChars(h2Password(filePassword));
    return ds;
  }

  private static char[] h2Password(char[] filePassword) {
    if (filePassword == null) {
      return new char[0];
    }
    char[] pw = Arrays.copyOf(filePassword, filePassword.length + 1);
    pw[filePassword.length] = ' '; // the user password (empty) follows the file password
    return pw;
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
          e);
    }
    boolean fileExists = Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"));
    if (code == ErrorCode.FILE_CORRUPTED_1
        || (fileExists && (code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2))
        || code == ErrorCode.FILE_VERSION_ERROR_1
        || code == ErrorCode.WRONG_PASSWORD_FORMAT
        || code == ErrorCode.FILE_ENCRYPTION_ERROR_1
        || code == ErrorCode.WRONG_USER_OR_PASSWORD) {
      return new DatabaseException(
          "The file "
              + dataDir.resolve(Database.FILE_NAME + ".mv.db")
              + " is not a Passerelle database.",
          e);
    }
    return new DatabaseException(
        "Cannot open the database in " + dataDir + ": " + e.getMessage(), e);
  }
}
