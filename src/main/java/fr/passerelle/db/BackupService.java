package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;

/**
 * Backup and restore with H2's own {@code BACKUP TO} (a consistent online copy). A backup is a ZIP
 * holding a {@code passerelle-backup.properties} marker (format, date, replica id, the office it
 * was made by, and what the caller adds) and the H2 file. A restore gives the installation a new
 * replica id: replica ids are never reused (docs/architecture.md, Sync). Which backups a data
 * folder may take is its caller's to check ({@link RestoreCheck}), before anything is replaced.
 */
public final class BackupService {
  static final String MARKER = "passerelle-backup.properties";

  /** The marker's entry of {@link #state}: what the backup holds (AutoBackups compares it). */
  static final String STATE = "state";

  static final String DB_ENTRY = Database.FILE_NAME + ".mv.db";

  /**
   * The entry of an encrypted database's key slots (ADR 0146): wrapped by passwords and the
   * recovery key, so safe to carry; they let a password of the installation open its backup on
   * another workstation.
   */
  static final String KEYS_ENTRY = Database.KEYS_FILE;

  static final String TEMP_PREFIX = ".passerelle-backup";

  /** The journal note of a backup being written, and the file it writes beside its target. */
  static final String PARTIAL_NOTE = "backup";

  private static final String PARTIAL_FILE = "partialFile";

  /** The office an installation's database says it is. */
  public record Owner(UUID officeId, String office, String organisation) {}

  /**
   * A backup's own key (ADR 0146): H2's file password its carried slots gave for a password of the
   * installation that made it, and those slots, put in place with the database (the data folder
   * then opens with that installation's passwords).
   */
  public record OwnKey(char[] filePassword, byte[] slots) {}

  /**
   * Decides, before a restore replaces anything, whether the data folder may take the backup:
   * throws to refuse. {@code here} is empty when the folder has no office yet.
   */
  @FunctionalInterface
  public interface RestoreCheck {
    RestoreCheck ANY = (backup, marker, here) -> {};

    void check(Optional<Owner> backup, Properties marker, Optional<Owner> here);
  }

  private BackupService() {}

  /** Writes a backup of the open database to {@code out}. */
  public static void backup(Database db, Path out, WallClock clock) {
    backup(db, out, Map.of(), clock);
  }

  /** The office of an open database, if it has one. */
  public static Optional<Owner> owner(DSLContext ctx) {
    return ctx.select(OFFICE.ID, OFFICE.NAME, OFFICE.ORGANISATION)
        .from(REPLICA)
        .join(OFFICE)
        .on(OFFICE.ID.eq(REPLICA.OFFICE_ID))
        .where(REPLICA.IS_CURRENT.isTrue())
        .fetchOptional(r -> new Owner(r.value1(), r.value2(), r.value3()));
  }

  /**
   * Writes a backup of the open database to {@code out}, with {@code extra} entries in its marker
   * (public facts only: the marker is not encrypted). {@code clock} dates it.
   */
  public static void backup(Database db, Path out, Map<String, String> extra, WallClock clock) {
    db.refuseOnServer("Backing up the office database");
    Path tmp = null;
    Path part = null;
    Journal journal = new Journal(db.dataDir());
    Journal.Entry note = null;
    try {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      // the copy is made in the data folder's own temporary folder, emptied at each open
      tmp = db.tempDir().resolve(TEMP_PREFIX + UUID.randomUUID() + ".zip");
      BackupCheck.copyChecked(db, tmp);
      // the file written beside the backup: named in the journal first, so that a kill leaves
      // nothing there the next open does not remove
      part = parent.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part");
      note = journal.begin(PARTIAL_NOTE, List.of(), Map.of(PARTIAL_FILE, part.toString()));
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part));
          ZipInputStream h2 = new ZipInputStream(Files.newInputStream(tmp))) {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("created", clock.offsetNow().toString());
        p.setProperty("replica", ReplicatedWriter.currentReplica(db.dsl()).getId().toString());
        p.setProperty(STATE, BackupCheck.state(db.dsl()));
        owner(db.dsl())
            .ifPresent(
                o -> {
                  p.setProperty("office.id", o.officeId().toString());
                  p.setProperty("office.name", o.office());
                  p.setProperty("office.organisation", o.organisation());
                });
        extra.forEach(p::setProperty);
        zip.putNextEntry(new ZipEntry(MARKER));
        p.store(zip, "Passerelle backup");
        zip.closeEntry();
        for (ZipEntry e = h2.getNextEntry(); e != null; e = h2.getNextEntry()) {
          if (e.getName().endsWith(".mv.db")) {
            zip.putNextEntry(new ZipEntry(DB_ENTRY));
            h2.transferTo(zip);
            zip.closeEntry();
          }
        }
        Path slots = db.dataDir().resolve(Database.KEYS_FILE);
        if (db.encrypted() && Files.exists(slots)) {
          // the key slots are replaced by one rename (KeySlots.write): read whole
          zip.putNextEntry(new ZipEntry(KEYS_ENTRY));
          zip.write(Files.readAllBytes(slots));
          zip.closeEntry();
        }
      }
      try (var ch =
          java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true); // on disk before it takes the backup's name: a power cut keeps either
      }
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      part = null;
    } catch (IOException e) {
      throw new DatabaseException("Cannot write the backup " + out + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
      deleteQuietly(part);
      if (note != null) {
        journal.end(note);
      }
    }
  }

  /**
   * Removes what backups a crash interrupted left beside their targets (their journal notes), at
   * the open of the data folder.
   */
  static void removePartialBackups(Path dataDir) throws IOException {
    Journal journal = new Journal(dataDir);
    for (Journal.Entry e : journal.leftovers()) {
      if (PARTIAL_NOTE.equals(e.kind())) {
        String file = e.detail(PARTIAL_FILE);
        if (file != null && Path.of(file).getFileName().toString().startsWith(TEMP_PREFIX)) {
          Files.deleteIfExists(Path.of(file));
        }
        journal.end(e);
      }
    }
  }

  static void clear(char[] secret) {
    if (secret != null) {
      java.util.Arrays.fill(secret, '\0');
    }
  }

  /** The marker of a backup file, checked to be one. */
  public static Properties marker(Path file) {
    return checkIsBackup(file);
  }

  /**
   * The key slots the backup {@code file} carries, refused clearly when it carries none (a backup
   * of a clear database, or made by an older version).
   */
  public static byte[] requireKeySlots(Path file) {
    return keySlots(file)
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "backup.error.noSlots",
                    "The backup "
                        + file
                        + " does not carry the key slots of the installation that made it (made"
                        + " by an older version): nothing was restored. Restore it into the folder"
                        + " of that installation.",
                    file));
  }

  /** The key slots a backup of an encrypted database carries (ADR 0146), if any. */
  public static Optional<byte[]> keySlots(Path file) {
    checkIsBackup(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry e = zip.getEntry(KEYS_ENTRY);
      if (e == null) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(e)) {
        return Optional.of(in.readNBytes(1 << 20));
      }
    } catch (IOException e) {
      throw new InvalidInputException(file + " is not a Passerelle backup.", e);
    }
  }

  /**
   * Replaces the database of {@code dataDir} by the backup {@code file} if {@code check} lets it
   * (asked with the backup's office, read from the backup's database itself, and the folder's): the
   * previous database is kept beside it as {@code passerelle.mv.db.before-restore-<time>}. Returns
   * the new replica id. A current database too damaged to be read is replaced as a folder without
   * an office would be (ADR 0080); one another Passerelle has open is refused.
   *
   * <p>{@code filePassword}: H2's file password of the folder's encrypted database (null: clear).
   * The restored file is encrypted as the folder's is (ADR 0110): a backup of this encrypted
   * database opens with it; a clear backup (made before the encryption) is encrypted with it before
   * it takes its place; an encrypted backup that the key does not open, or restored into a clear
   * folder, is refused, nothing changed.
   *
   * <p>With {@code own} not null, an encrypted backup is opened with its own key instead of the
   * folder's and its key slots replace the folder's (the previous ones kept beside them as {@code
   * passerelle.keys.before-restore-<time>}, with the database they open): a backup restored on
   * another workstation (ADR 0146). {@code clock} dates what is set aside and the new replica.
   */
  public static UUID restore(
      Path dataDir,
      Path file,
      char[] filePassword,
      RestoreCheck check,
      OwnKey own,
      WallClock clock) {
    refuseOnServer(dataDir, "Restoring the office database");
    Properties marker = checkIsBackup(file);
    if (filePassword == null && Files.exists(dataDir.resolve(Database.KEYS_FILE))) {
      throw new DatabaseException(
          "The database in "
              + dataDir
              + " is encrypted: a restore there needs an account's sign-in (nothing was"
              + " restored).");
    }
    Optional<Owner> here = currentOwner(dataDir, filePassword);
    Path staging = dataDir.resolve("restore-" + System.nanoTime());
    try {
      Files.createDirectories(staging);
      try (ZipFile zip = new ZipFile(file.toFile());
          InputStream in = zip.getInputStream(zip.getEntry(DB_ENTRY));
          OutputStream out = Files.newOutputStream(staging.resolve(DB_ENTRY))) {
        in.transferTo(out);
      }
      boolean encryptedBackup = Database.encryptedFile(staging.resolve(DB_ENTRY));
      if (!encryptedBackup) {
        own = null; // a clear backup takes the folder's key, as before
      }
      char[] stagedPassword = own != null ? own.filePassword() : filePassword;
      UUID replica;
      try (Database restored =
          openStaged(staging, file, encryptedBackup ? stagedPassword : null, encryptedBackup)) {
        check.check(owner(restored.dsl()), marker, here);
        replica = renewReplicaId(restored, clock);
      }
      if (!encryptedBackup && filePassword != null) {
        // a backup made before the encryption: encrypted as the folder's database is
        org.h2.tools.ChangeFileEncryption.execute(
            staging.toString(), Database.FILE_NAME, "AES", null, filePassword, true);
      }
      RestoreSwap.swapIn(
          dataDir, staging.resolve(DB_ENTRY), own == null ? null : own.slots(), clock);
      return replica;
    } catch (IOException | java.sql.SQLException e) {
      throw new DatabaseException("Cannot restore " + file + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  /**
   * Opens the staged copy of a backup: an encrypted one with the folder's file password, refused
   * clearly when there is none or it does not open it.
   */
  private static Database openStaged(
      Path staging, Path file, char[] filePassword, boolean encryptedBackup) {
    if (encryptedBackup && filePassword == null) {
      throw InvalidInputException.of(
          "backup.error.encryptedIntoClear",
          "The backup "
              + file
              + " is encrypted, and this installation's database is not: nothing was restored."
              + " Restore it into the folder of the installation that made it.",
          file);
    }
    try {
      return Database.open(staging, filePassword);
    } catch (DatabaseException e) {
      if (encryptedBackup
          && e.getCause() instanceof java.sql.SQLException q
          && (q.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
              || q.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
              || q.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1)) {
        throw InvalidInputException.of(
            "backup.error.otherKey",
            "The backup "
                + file
                + " was encrypted by another installation (its key does not open it): nothing was"
                + " restored. Restore it into the folder of the installation that made it.",
            file);
      }
      throw e;
    }
  }

  /**
   * Puts a closed database file in place of the data folder's, the current one kept beside it (see
   * {@link RestoreSwap#swapIn}); for db/Rebuild, which keeps the folder's key slots.
   */
  static void swapIn(Path dataDir, Path restoredFile) throws IOException {
    RestoreSwap.swapIn(dataDir, restoredFile, null, WallClock.system());
  }

  /**
   * Completes a restore killed between its renames (see {@link RestoreSwap}); called before
   * opening.
   */
  public static void finishInterruptedRestore(Path dataDir) {
    RestoreSwap.finishInterrupted(dataDir);
  }

  /** Refuses {@code what} when {@code dataDir}'s installation uses the office server. */
  static void refuseOnServer(Path dataDir, String what) {
    OfficeServer.read(dataDir)
        .ifPresent(
            c -> {
              throw new DatabaseException(
                  what
                      + " is the office server's job on "
                      + c.server().address()
                      + " (pg_dump, pg_restore): see docs/office-server.md.");
            });
  }

  /**
   * The office of the data folder's current database; fails clearly if another Passerelle has it
   * open (and makes sure the folder exists and is writable); empty if it cannot be read (damaged).
   */
  private static Optional<Owner> currentOwner(Path dataDir, char[] filePassword) {
    if (!Files.exists(dataDir.resolve(DB_ENTRY))) {
      return Optional.empty(); // a new workstation: nothing made here before the restore
    }
    try (Database current = Database.open(dataDir, filePassword)) {
      return owner(current.dsl());
    } catch (RuntimeException e) {
      if (e instanceof DatabaseException
          && e.getCause() instanceof java.sql.SQLException q
          && q.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw e;
      }
      return Optional.empty(); // the current database cannot be read (damaged): replaced
    }
  }

  /**
   * Gives the installation a new replica id (after a restore or a copied data folder): its counter
   * starts afresh; the HLC and the local change sequence carry over.
   */
  public static UUID renewReplicaId(Database db, WallClock clock) {
    UUID fresh = UUID.randomUUID();
    db.dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              var old = tx.selectFrom(REPLICA).where(REPLICA.IS_CURRENT.isTrue()).fetchSingle();
              tx.update(REPLICA)
                  .set(REPLICA.IS_CURRENT, false)
                  .where(REPLICA.ID.eq(old.getId()))
                  .execute();
              tx.insertInto(REPLICA)
                  .set(REPLICA.ID, fresh)
                  .set(REPLICA.IS_CURRENT, true)
                  .set(REPLICA.CREATED_AT, clock.offsetNow())
                  .set(REPLICA.OFFICE_ID, old.getOfficeId())
                  .set(REPLICA.SEQ, 0L)
                  .set(REPLICA.HLC, old.getHlc())
                  .set(REPLICA.CHANGE_SEQ, old.getChangeSeq())
                  .execute();
              // Peers know nothing of the new id: send them everything once (docs/architecture.md,
              // Sync).
              tx.update(PEER).set(PEER.SENT_ACK, 0L).execute();
            });
    return fresh;
  }

  private static Properties checkIsBackup(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("No such backup file: " + file);
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry marker = zip.getEntry(MARKER);
      if (marker == null || zip.getEntry(DB_ENTRY) == null) {
        throw new InvalidInputException(file + " is not a Passerelle backup.");
      }
      Properties p = new Properties();
      try (InputStream in = zip.getInputStream(marker)) {
        p.load(in);
      }
      if (!"1".equals(p.getProperty("format"))) {
        throw new InvalidInputException(
            file
                + " is a Passerelle backup of an unknown format ("
                + p.getProperty("format")
                + ").");
      }
      return p;
    } catch (IOException e) {
      throw new InvalidInputException(file + " is not a Passerelle backup.", e);
    }
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (var all = Files.walk(p)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(BackupService::deleteQuietly);
    } catch (IOException ignored) {
      // best effort
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
