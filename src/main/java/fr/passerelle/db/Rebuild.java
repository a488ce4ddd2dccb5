package fr.passerelle.db;

import fr.passerelle.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.api.ErrorCode;

/**
 * Rebuilds a damaged database from what can still be read: every table is written out with H2's
 * {@code SCRIPT} (which reads each table row by row, not through its indexes, and skips what a dead
 * transaction left half-written), loaded into a new file with {@code RUNSCRIPT}, indexes built
 * afresh, and swapped in; the damaged file is kept beside it (ADR 0080). What the interrupted
 * writes noted in the journal is returned, for the caller to roll back their effects.
 */
public final class Rebuild {
  private Rebuild() {}

  /**
   * Rebuilds the clear database of {@code dataDir}, which must not be open; returns the journal's
   * notes.
   */
  public static List<Journal.Entry> run(Path dataDir, Progress progress) {
    return run(dataDir, null, progress);
  }

  /**
   * Rebuilds the database of {@code dataDir}, which must not be open, encrypted under {@code
   * filePassword} when it is not null (the rebuilt file too, and the dump in between: ADR 0110);
   * returns the journal's notes.
   */
  public static List<Journal.Entry> run(Path dataDir, char[] filePassword, Progress progress) {
    BackupService.refuseOnServer(dataDir, "Rebuilding the database file");
    List<Journal.Entry> notes = new Journal(dataDir).leftovers();
    Path staging = dataDir.resolve("restore-" + System.nanoTime());
    try {
      Files.createDirectories(staging);
      Path script = staging.resolve("dump.sql");
      progress.update(0, 2, "dump");
      String dumpOptions = dumpOptions(filePassword);
      startFromTheNewestChunk(dataDir, filePassword);
      try (H2Connections.Link link = H2Connections.Link.of(dataDir, filePassword);
          Connection c = link.connect(";IFEXISTS=TRUE;LOCK_TIMEOUT=200");
          Statement s = c.createStatement()) {
        H2LeftoverCommits.finish(c); // the dump must not carry a commit cut in two (ADR 0137)
        s.execute("SCRIPT TO '" + sql(script) + "'" + dumpOptions);
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
          throw H2Connections.translate(dataDir, e);
        }
        throw new DatabaseException(
            "The database in "
                + dataDir
                + " cannot be read at all ("
                + e.getMessage()
                + "): restore a backup instead ('passerelle check --restore-backup').",
            e);
      }
      progress.update(1, 2, "load");
      try (H2Connections.Link link = H2Connections.Link.of(staging, filePassword);
          Connection c = link.connect("");
          Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + sql(script) + "'" + dumpOptions);
        s.execute("SHUTDOWN COMPACT");
      }
      Files.delete(script);
      BackupService.swapIn(dataDir, staging.resolve(BackupService.DB_ENTRY));
      // the swap forgets the journal: an interrupted import whose copy is kept is noted again, so
      // that its copy survives the next open and the import can start again from it
      Journal journal = new Journal(dataDir);
      for (Journal.Entry n : notes) {
        String copy = n.detail(Journal.KEEP_FILE);
        if (copy != null && Files.isRegularFile(Path.of(copy))) {
          journal.begin(n.kind(), n.tables(), n.details());
        }
      }
      progress.update(2, 2, null);
      return notes;
    } catch (IOException | SQLException e) {
      throw new DatabaseException("Cannot rebuild the database in " + dataDir + ": " + e, e);
    } finally {
      BackupService.deleteTree(staging);
    }
  }

  /**
   * How the SQL dump of an encrypted database is written and read: compressed and encrypted with
   * H2's AES under a one-time random password (the dump holds every row: never in clear on disk); a
   * clear database's dump is plain, as before.
   */
  static String dumpOptions(char[] filePassword) {
    if (filePassword == null) {
      return "";
    }
    byte[] once = new byte[16];
    new java.security.SecureRandom().nextBytes(once);
    return " COMPRESSION DEFLATE CIPHER AES PASSWORD '"
        + java.util.HexFormat.of().formatHex(once)
        + "'";
  }

  private static String sql(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  /** The dump starts from the newest whole chunk a crash left, as an open does (ADR 0170). */
  private static void startFromTheNewestChunk(Path dataDir, char[] filePassword) {
    try {
      H2ChunkRecovery.prepare(dataDir.resolve(Database.FILE_NAME + ".mv.db"), filePassword);
    } catch (java.io.IOException e) {
      // the dump says whether H2 can read the file at all
      java.util.logging.Logger.getLogger(Rebuild.class.getName())
          .warning("before the dump: " + e.getMessage());
    }
  }
}
