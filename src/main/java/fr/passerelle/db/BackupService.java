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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
  static final String DB_ENTRY = Database.FILE_NAME + ".mv.db";

  /** The office an installation's database says it is. */
  public record Owner(UUID officeId, String office, String organisation) {}

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
  public static void backup(Database db, Path out) {
    backup(db, out, Map.of());
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
   * (public facts only: the marker is not encrypted).
   */
  public static void backup(Database db, Path out, Map<String, String> extra) {
    Path tmp = null;
    try {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, ".passerelle-backup", ".zip");
      Files.delete(tmp);
      db.dsl().execute("BACKUP TO '" + tmp.toString().replace("'", "''") + "'");
      Path part = Files.createTempFile(parent, ".passerelle-backup", ".part");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part));
          ZipInputStream h2 = new ZipInputStream(Files.newInputStream(tmp))) {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("created", OffsetDateTime.now().toString());
        p.setProperty("replica", ReplicatedWriter.currentReplica(db.dsl()).getId().toString());
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
      }
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DatabaseException("Cannot write the backup " + out + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Replaces the database of {@code dataDir} by the backup {@code file}, whatever office it was
   * made by. The previous database is kept beside it as {@code
   * passerelle.mv.db.before-restore-<time>}. Returns the new replica id.
   */
  public static UUID restore(Path dataDir, Path file) {
    return restore(dataDir, file, RestoreCheck.ANY);
  }

  /** The marker of a backup file, checked to be one. */
  public static Properties marker(Path file) {
    return checkIsBackup(file);
  }

  /**
   * Replaces the database of {@code dataDir} by the backup {@code file} if {@code check} lets it
   * (asked with the backup's office, read from the backup's database itself, and the folder's): the
   * previous database is kept beside it as {@code passerelle.mv.db.before-restore-<time>}. Returns
   * the new replica id.
   */
  public static UUID restore(Path dataDir, Path file, RestoreCheck check) {
    Properties marker = checkIsBackup(file);
    // Fails clearly if the data folder is in use; also makes sure it exists and is writable.
    Optional<Owner> here;
    try (Database current = Database.open(dataDir)) {
      here = owner(current.dsl());
    }
    Path staging = dataDir.resolve("restore-" + System.nanoTime());
    try {
      Files.createDirectories(staging);
      try (ZipFile zip = new ZipFile(file.toFile());
          InputStream in = zip.getInputStream(zip.getEntry(DB_ENTRY));
          OutputStream out = Files.newOutputStream(staging.resolve(DB_ENTRY))) {
        in.transferTo(out);
      }
      UUID replica;
      try (Database restored = Database.open(staging)) {
        check.check(owner(restored.dsl()), marker, here);
        replica = renewReplicaId(restored);
      }
      Path current = dataDir.resolve(DB_ENTRY);
      if (Files.exists(current)) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(OffsetDateTime.now());
        Files.move(current, dataDir.resolve(DB_ENTRY + ".before-restore-" + stamp));
      }
      Files.move(staging.resolve(DB_ENTRY), current);
      return replica;
    } catch (IOException e) {
      throw new DatabaseException("Cannot restore " + file + ": " + e.getMessage(), e);
    } finally {
      try (var files = Files.list(staging)) {
        files.forEach(BackupService::deleteQuietly);
      } catch (IOException ignored) {
        // staging already gone
      }
      deleteQuietly(staging);
    }
  }

  /**
   * Gives the installation a new replica id (after a restore or a copied data folder): its counter
   * starts afresh; the HLC and the local change sequence carry over.
   */
  public static UUID renewReplicaId(Database db) {
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
                  .set(REPLICA.CREATED_AT, OffsetDateTime.now())
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
