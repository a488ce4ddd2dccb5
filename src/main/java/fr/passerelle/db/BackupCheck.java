package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;

/**
 * The copy of the database a backup holds, checked against the live database it was made of (ADR
 * 0125): its {@link #state} (current replica, counters, office) must be the live one's, else the
 * copy is made again from the committed data itself.
 */
final class BackupCheck {
  private static final System.Logger LOG = System.getLogger(BackupCheck.class.getName());

  private BackupCheck() {}

  /** How many times a backup is made again when its copy is not the database it was made of. */
  private static final int BACKUP_ATTEMPTS = 5;

  /**
   * A copy of the database into {@code zip}, checked (ADR 0125). H2's {@code BACKUP TO} copies its
   * file as it is on disk, which can still be an older version of the database (in a new
   * installation: the one it was copied from, without its office) or not open at all ("File
   * corrupted in chunk …", "Chunk 33 not found"); a flush or {@code CHECKPOINT SYNC} before does
   * not change it. So the copy is opened and compared with the database (its current replica,
   * counters and office); a copy that differs or does not open is made again from the committed
   * data itself (SQL dump loaded into a new file), and checked the same way.
   */
  static void copyChecked(Database db, Path zip) throws IOException {
    String sql = "BACKUP TO '" + zip.toString().replace("'", "''") + "'";
    for (int attempt = 1; ; attempt++) {
      Files.deleteIfExists(zip);
      String live = state(db.dsl());
      if (attempt == 1 && db.aesKey() != null) {
        EncryptedBackupTo.backup(db, zip); // H2's own would copy it deciphered
      } else if (attempt == 1) {
        db.dsl().execute(sql);
      } else {
        dumpAndReload(db, zip);
      }
      String copied = stateOfCopy(zip, db);
      if (live.equals(copied)) {
        return;
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "backup attempt " + attempt + " copied another state (" + copied + ") than " + live);
      if (attempt == BACKUP_ATTEMPTS) {
        throw new DatabaseException(
            "Cannot write a consistent backup of "
                + db.dataDir()
                + " (tried "
                + BACKUP_ATTEMPTS
                + " times): close the other windows using it, then try again.");
      }
    }
  }

  /**
   * A copy that does not depend on the file H2 has on disk: the database as SQL ({@code SCRIPT},
   * one statement, so one consistent view), loaded into a new file, which goes into {@code zip} as
   * {@code BACKUP TO} would put it.
   */
  private static void dumpAndReload(Database db, Path zip) throws IOException {
    Path work = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".passerelle-dump");
    try {
      Path sql = work.resolve("dump.sql");
      char[] filePassword = db.filePassword();
      String dumpOptions = Rebuild.dumpOptions(filePassword);
      db.dsl().execute("SCRIPT TO '" + sql.toString().replace("'", "''") + "'" + dumpOptions);
      try (H2Connections.Link link = H2Connections.Link.of(work, filePassword);
          java.sql.Connection c = link.connect("");
          java.sql.Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + sql.toString().replace("'", "''") + "'" + dumpOptions);
      } catch (java.sql.SQLException e) {
        throw new DatabaseException("Cannot write the backup: " + e.getMessage(), e);
      } finally {
        BackupService.clear(filePassword);
      }
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        out.putNextEntry(new ZipEntry(BackupService.DB_ENTRY));
        Files.copy(work.resolve(BackupService.DB_ENTRY), out);
        out.closeEntry();
      }
    } finally {
      BackupService.deleteTree(work);
    }
  }

  /** The current replica, its counters and its office: what any commit of replicated data moves. */
  static String state(DSLContext ctx) {
    var r = ctx.selectFrom(REPLICA).where(REPLICA.IS_CURRENT.isTrue()).fetchOne();
    return r == null
        ? "no replica"
        : r.getId() + "/" + r.getSeq() + "/" + r.getChangeSeq() + "/" + r.getOfficeId();
  }

  /**
   * {@link #state} of the database in an H2 backup ZIP of {@code db} (encrypted as it is), or why
   * it cannot be read.
   */
  private static String stateOfCopy(Path zip, Database db) throws IOException {
    Path dir = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".passerelle-check");
    try {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().endsWith(".mv.db")) {
            Files.copy(in, dir.resolve(BackupService.DB_ENTRY));
          }
        }
      }
      char[] filePassword = db.filePassword();
      try (H2Connections.Link link = H2Connections.Link.of(dir, filePassword);
          java.sql.Connection c = link.connect("")) {
        return state(Database.dslOf(c));
      } catch (java.sql.SQLException | RuntimeException e) {
        return "unreadable: " + e.getMessage();
      } finally {
        BackupService.clear(filePassword);
      }
    } finally {
      BackupService.deleteTree(dir);
    }
  }
}
