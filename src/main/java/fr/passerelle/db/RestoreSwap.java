package fr.passerelle.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a restored database file, and the key slots that open it, in place of the data folder's (ADR
 * 0146), so that a kill at any moment leaves either the old pair or the new one: the incoming files
 * are named {@code ….restoring} first, the current database is set aside as {@code
 * passerelle.mv.db.before-restore-<time>}, then each incoming file takes its name by one atomic
 * rename. {@link #finishInterrupted} completes or forgets a swap a kill cut, at the next open.
 */
final class RestoreSwap {
  static final String RESTORING = ".restoring";

  private RestoreSwap() {}

  /**
   * Puts {@code restoredFile} (a closed database) in place of the data folder's database, and with
   * {@code slots} not null those key slots in place of the folder's (null: the folder's are kept):
   * the slots are written as {@code passerelle.keys.restoring} first, the folder's copied aside as
   * {@code passerelle.keys.before-restore-<time>}, and take their name last. {@code clock} dates
   * what is set aside.
   */
  static void swapIn(Path dataDir, Path restoredFile, byte[] slots, WallClock clock)
      throws IOException {
    Path incoming = dataDir.resolve(BackupService.DB_ENTRY + RESTORING);
    Files.move(restoredFile, incoming, StandardCopyOption.REPLACE_EXISTING);
    Path keys = dataDir.resolve(Database.KEYS_FILE);
    Path keysIncoming = dataDir.resolve(Database.KEYS_FILE + RESTORING);
    String stamp = fr.passerelle.core.DateFormats.FILE_STAMP.format(clock.localNow());
    if (slots != null) {
      Files.write(keysIncoming, slots);
      try (var ch =
          java.nio.channels.FileChannel.open(
              keysIncoming, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      if (Files.exists(keys)) {
        Files.copy(
            keys,
            dataDir.resolve(Database.KEYS_FILE + ".before-restore-" + stamp),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path current = dataDir.resolve(BackupService.DB_ENTRY);
    if (Files.exists(current)) {
      Files.move(current, dataDir.resolve(BackupService.DB_ENTRY + ".before-restore-" + stamp));
    }
    takeName(incoming, current);
    if (slots != null) {
      takeName(keysIncoming, keys);
    }
    forgetLastSession(dataDir);
  }

  /**
   * Completes a restore killed between its renames (see {@link #swapIn}); called before opening.
   */
  static void finishInterrupted(Path dataDir) {
    Path incoming = dataDir.resolve(BackupService.DB_ENTRY + RESTORING);
    Path keys = dataDir.resolve(Database.KEYS_FILE);
    Path keysIncoming = dataDir.resolve(Database.KEYS_FILE + RESTORING);
    if (!Files.exists(incoming) && !Files.exists(keysIncoming)) {
      return;
    }
    try {
      Path current = dataDir.resolve(BackupService.DB_ENTRY);
      if (!Files.exists(incoming)) {
        // killed after the database's rename, before its key slots': they follow it
        takeName(keysIncoming, keys);
        forgetLastSession(dataDir);
      } else if (Files.exists(current)) {
        // killed before the current file was set aside: not restored (the slots first, so that
        // slots without their database are never left)
        Files.deleteIfExists(keysIncoming);
        Files.delete(incoming);
      } else {
        takeName(incoming, current);
        if (Files.exists(keysIncoming)) {
          takeName(keysIncoming, keys);
        }
        forgetLastSession(dataDir);
      }
    } catch (IOException e) {
      throw new DatabaseException(
          "Cannot finish the restore interrupted in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** {@code incoming} takes the name {@code target} by one atomic rename. */
  private static void takeName(Path incoming, Path target) throws IOException {
    Files.move(
        incoming, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** What the old file's last session left to check or finish does not apply to the new one. */
  private static void forgetLastSession(Path dataDir) throws IOException {
    Files.deleteIfExists(dataDir.resolve(Database.OPEN_MARKER));
    new Journal(dataDir).clearAll();
  }
}
