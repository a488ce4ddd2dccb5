package fr.passerelle.sync;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.BackupService;
import fr.passerelle.db.Database;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.crypto.Sealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Backup and restore of an installation as the sync protocol sees it (ADR 0087): an office and the
 * keys its partners trust, kept together. A backup records its office and its keys' fingerprint
 * (public facts; the private keys are never in a backup, ADR 0061). A restore into a data folder of
 * another office — or holding another installation's keys — is refused unless the counselor asks to
 * move that installation here: then this folder's database and keys are set aside, the backup's
 * office comes with its own keys (given with {@code keys}) or with new ones, and, as with every
 * restore, a new replica id.
 */
public final class InstallationBackup {
  /** The marker entry naming the fingerprint of the keys of the installation backed up. */
  static final String KEYS = "keys.fingerprint";

  /** What a restore did. */
  public record Restored(
      UUID replicaId,
      String office,
      String organisation,
      Optional<String> fingerprint,
      Optional<Path> keysSetAside) {}

  private InstallationBackup() {}

  /**
   * Writes a backup of the open database of {@code dataDir}, with its keys' fingerprint, dated by
   * {@code clock}.
   */
  public static void backup(Database db, Path out, WallClock clock) {
    Map<String, String> extra =
        LocalKeys.fingerprintIn(db.dataDir()).map(f -> Map.of(KEYS, f)).orElse(Map.of());
    BackupService.backup(db, out, extra, clock);
  }

  /**
   * Restores {@code file} into {@code dataDir}.
   *
   * @param move the counselor moves the backup's installation to this folder (this workstation): a
   *     folder of another office, or holding other keys, is then set aside instead of refused
   * @param keys the moved installation's keys file ({@value LocalKeys#FILE} of its old folder), or
   *     null: it then gets new keys, which its partners trust again
   * @param clock dates what is set aside and the restored installation's new replica
   */
  public static Restored restore(
      Path dataDir, Path file, boolean move, Path keys, WallClock clock) {
    return restore(dataDir, file, move, keys, null, null, clock);
  }

  /**
   * As {@link #restore(Path, Path, boolean, Path, WallClock)} into a folder whose database is
   * encrypted under H2's file password {@code filePassword} (null: clear; ADR 0110); with {@code
   * own} not null, the backup is opened with its own key and its key slots replace the folder's
   * (ADR 0146: a password of the installation that made it). The folder's sync keys that the
   * restored database's key does not open are set aside; keys given with {@code keys} must be those
   * of that installation, sealed by that key or clear.
   */
  public static Restored restore(
      Path dataDir,
      Path file,
      boolean move,
      Path keys,
      char[] filePassword,
      BackupService.OwnKey own,
      WallClock clock) {
    Properties marker = BackupService.marker(file);
    String recorded = marker.getProperty(KEYS);
    Optional<String> here = LocalKeys.fingerprintIn(dataDir);
    String given = keys == null ? null : LocalKeys.fingerprintOf(keys);
    char[] restoredKey = own != null ? own.filePassword() : filePassword;
    Optional<Sealer> sealer =
        restoredKey == null
            ? Optional.empty()
            : Optional.of(Sealer.of(restoredKey, LocalKeys.SEALER_LABEL));
    if (given != null && recorded != null && !recorded.equals(given)) {
      throw new InvalidInputException(
          "The keys "
              + keys
              + " (fingerprint "
              + given
              + ") are not those of the installation that made "
              + file
              + " (fingerprint "
              + recorded
              + "): nothing was restored. Give the sync-keys.json of that installation's data"
              + " folder, or no keys at all (new keys, which its partners trust again).");
    }
    boolean[] setAside = {given != null && here.isPresent()};
    UUID replica =
        BackupService.restore(
            dataDir,
            file,
            filePassword,
            (backup, m, office) -> {
              // the backup opened (with the key it is restored under): keys sealed by another
              // database's key would not open beside it
              if (given != null && !LocalKeys.opensWith(keys, sealer)) {
                throw new InvalidInputException(
                    "The keys "
                        + keys
                        + " are sealed by the database key of another installation than the one"
                        + " that made "
                        + file
                        + ": nothing was restored. Give the sync-keys.json of the data folder of"
                        + " that installation.");
              }
              String made = describe(backup);
              boolean otherOffice =
                  office.isPresent()
                      && backup.isPresent()
                      && !office.get().officeId().equals(backup.get().officeId());
              boolean otherKeys =
                  here.isPresent()
                      && office.isEmpty()
                      && recorded != null
                      && !recorded.equals(here.get());
              if (move) {
                setAside[0] |= here.isPresent() && (otherOffice || otherKeys);
              } else if (otherOffice) {
                throw new InvalidInputException(
                    "The backup "
                        + file
                        + " was made by "
                        + made
                        + "; this installation is "
                        + describe(office)
                        + ". Restoring it here would give this installation another office's"
                        + " data while it keeps its own keys: nothing was restored. To move "
                        + made
                        + " to this workstation, run restore again with --move-installation"
                        + " (this installation's database and keys are set aside), giving that"
                        + " installation's sync-keys.json with --keys to keep its partners'"
                        + " trust.");
              } else if (otherKeys) {
                throw new InvalidInputException(
                    "The backup "
                        + file
                        + " was made by "
                        + made
                        + " with the keys of fingerprint "
                        + recorded
                        + "; this data folder holds other keys (fingerprint "
                        + here.get()
                        + "): nothing was restored. To move "
                        + made
                        + " here, run restore again with --move-installation.");
              }
            },
            own,
            clock);
    Optional<Path> aside = Optional.empty();
    try {
      if (setAside[0]) {
        aside = Optional.of(setAside(dataDir, clock));
      }
      if (given != null) {
        install(keys, dataDir.resolve(LocalKeys.FILE));
      } else if (!setAside[0]
          && Files.exists(dataDir.resolve(LocalKeys.FILE))
          && !LocalKeys.opensWith(dataDir.resolve(LocalKeys.FILE), sealer)) {
        // sealed by the key the folder had before: they do not open beside this database
        aside = Optional.of(setAside(dataDir, clock));
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "The backup was restored, but the keys could not be put in place ("
              + e.getMessage()
              + "): move "
              + dataDir.resolve(LocalKeys.FILE)
              + " away before syncing.",
          e);
    }
    Optional<String> now = LocalKeys.fingerprintIn(dataDir);
    try (Database db = Database.open(dataDir, restoredKey)) {
      BackupService.Owner o = BackupService.owner(db.dsl()).orElse(null);
      return new Restored(
          replica, o == null ? null : o.office(), o == null ? null : o.organisation(), now, aside);
    }
  }

  private static String describe(Optional<BackupService.Owner> o) {
    return o.map(x -> "the office \"" + x.office() + "\" (" + x.organisation() + ")")
        .orElse("an installation without an office");
  }

  private static Path setAside(Path dataDir, WallClock clock) throws IOException {
    String stamp = fr.passerelle.core.DateFormats.FILE_STAMP.format(clock.localNow());
    Path aside = dataDir.resolve(LocalKeys.FILE + ".before-restore-" + stamp);
    Files.move(dataDir.resolve(LocalKeys.FILE), aside);
    return aside;
  }

  private static void install(Path keys, Path target) throws IOException {
    Path tmp = target.resolveSibling(LocalKeys.FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.write(tmp, Files.readAllBytes(keys));
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
