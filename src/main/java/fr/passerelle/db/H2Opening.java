package fr.passerelle.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Opens a data folder's H2 file, and tells damage from other failures: after a session that did not
 * close, H2 is made to start from the newest complete chunk (ADR 0170) and the commits the end of
 * that session cut are finished (ADR 0137); a file H2 opens empty, or refuses as corrupted, is
 * damage ({@link DatabaseDamagedException}: the way back), anything else a plain {@link
 * DatabaseException}.
 */
final class H2Opening {
  private static final System.Logger LOG = System.getLogger(H2Opening.class.getName());

  /**
   * The connection that keeps the database open, the pool the services use, and the URL with the
   * key lent to H2 for an encrypted file (to close once the database is shut down).
   */
  record Opened(JdbcConnectionPool pool, Connection keeper, H2Connections.Link link) {}

  private H2Opening() {}

  static Opened open(Path dataDir, char[] filePassword) {
    H2Connections.Link link = H2Connections.Link.of(dataDir, filePassword);
    try {
      return open(dataDir, filePassword, link);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
  }

  private static Opened open(Path dataDir, char[] filePassword, H2Connections.Link link) {
    Path file = dataDir.resolve(Database.FILE_NAME + ".mv.db");
    long sizeBefore = sizeOf(file);
    startFromTheNewestChunk(dataDir, file, filePassword);
    if (H2File.cleanHeaderWithoutItsChunk(file)) {
      throw DatabaseDamagedException.unreadable(
          dataDir,
          new SQLException(
              "the newest chunk the file's header names is not there",
              "HY000",
              ErrorCode.FILE_CORRUPTED_1));
    }
    Connection keeper;
    try {
      keeper = link.connect("");
      refuseIfEmptied(dataDir, keeper, sizeBefore);
      finishLeftoverCommits(keeper);
    } catch (SQLException e) {
      if (unreadableAfterCrash(dataDir, e)) {
        throw DatabaseDamagedException.unreadable(dataDir, e);
      }
      throw H2Connections.translate(dataDir, e);
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(H2Connections.dataSource(link.url()));
    pool.setMaxConnections(16);
    return new Opened(pool, keeper, link);
  }

  /**
   * H2 refused to open the file as corrupted ({@code Chunk … not found}, {@code File corrupted in
   * chunk …}): damage, said with its way back, not "not a Passerelle database". Whether or not the
   * last session's marker is there: the crash harness found files a kill left unreadable without it
   * (killed as H2 still wrote the file after the marker went, docs/reliability.md).
   */
  private static boolean unreadableAfterCrash(Path dataDir, SQLException e) {
    int code = e.getErrorCode();
    boolean refused = code == ErrorCode.GENERAL_ERROR_1 || code == ErrorCode.FILE_CORRUPTED_1;
    Path file = dataDir.resolve(Database.FILE_NAME + ".mv.db");
    if (!refused || !Files.exists(file)) {
      return false;
    }
    if (Files.exists(dataDir.resolve(Database.OPEN_MARKER))) {
      return true; // a session that did not close
    }
    String text = String.valueOf(e.getMessage());
    // an H2 file, clear or encrypted, not some other file: that is "not a Passerelle database"
    return (H2File.isH2(file) || Database.encryptedFile(file))
        && (code == ErrorCode.FILE_CORRUPTED_1
            || text.contains("File corrupted")
            || text.matches("(?s).*Chunk \\d+ not found.*"));
  }

  /** Below this size a file can be a database created but not migrated yet (a killed init). */
  private static final long EMPTY_FILE_BYTES = 64 * 1024;

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /**
   * Finishes the commits the end of the last session cut in two (ADR 0137), before any other
   * session uses the database; if they cannot be finished, the file is left as it is.
   */
  private static void finishLeftoverCommits(Connection keeper) throws SQLException {
    try {
      H2LeftoverCommits.finish(keeper);
    } catch (SQLException e) {
      shutDownImmediately(keeper);
      throw e;
    }
  }

  /**
   * After a session that did not close the file, makes H2 start from the newest complete chunk and
   * leaves no newer one a later open could mix in (ADR 0170); a file H2 then does not start where
   * it was made to is damage, left as it is for the way back.
   */
  private static void startFromTheNewestChunk(Path dataDir, Path file, char[] filePassword) {
    try {
      H2ChunkRecovery.prepare(file, filePassword);
    } catch (java.io.IOException e) {
      throw DatabaseDamagedException.unreadable(
          dataDir, new SQLException(e.getMessage(), "HY000", ErrorCode.FILE_CORRUPTED_1, e));
    }
  }

  /** Closes a database without writing anything more to its file. */
  private static void shutDownImmediately(Connection keeper) throws SQLException {
    try (java.sql.Statement s = keeper.createStatement()) {
      s.execute("SHUTDOWN IMMEDIATELY");
    } catch (SQLException closed) {
      LOG.log(System.Logger.Level.DEBUG, "closing a database left as it is", closed);
    }
    keeper.close();
  }

  /**
   * H2 2.5.252 opens a file whose chunks it cannot find as a new, empty database, without an error
   * (DatabaseRecoveryTest): the migrations would then make a new installation of it and the
   * office's data would be silently gone. A file of some size that opens without a table is damage;
   * it is closed at once, without H2 storing its empty state over it.
   */
  private static void refuseIfEmptied(Path dataDir, Connection keeper, long sizeBefore)
      throws SQLException {
    if (sizeBefore < EMPTY_FILE_BYTES) {
      return;
    }
    try (java.sql.Statement s = keeper.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        return;
      }
    }
    shutDownImmediately(keeper);
    throw DatabaseDamagedException.unreadable(
        dataDir,
        new SQLException(
            "H2 finds no table in the file of " + sizeBefore + " bytes (its chunks are lost)",
            "HY000",
            ErrorCode.FILE_CORRUPTED_1));
  }
}
