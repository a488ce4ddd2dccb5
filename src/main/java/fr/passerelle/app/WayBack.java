package fr.passerelle.app;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.AutoBackups;
import fr.passerelle.db.BackupService;
import fr.passerelle.db.Database;
import fr.passerelle.db.Journal;
import fr.passerelle.db.Rebuild;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.search.LuceneSearchIndex;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.sync.SyncRecovery;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The two ways back from a database the integrity check found damaged (ADR 0080), for the command
 * line ({@code check}) and the window. Both work on a closed data folder.
 */
public final class WayBack {
  private WayBack() {}

  /** What a way back did. */
  public record Outcome(
      int peersRolledBack, int importsRestarted, UUID newReplica, AutoBackups.Backup backup) {}

  /**
   * Rebuilds the database from what can still be read, then rolls back the checkpoint of the sync
   * imports a crash interrupted (applied again from their kept copy at the next open, or their
   * files to be imported again), applies the consent rule to everyone and has the search index
   * built afresh.
   */
  public static Outcome rebuild(Path dataDir, Progress progress) {
    return rebuild(dataDir, KeyRing.clear(), progress);
  }

  /**
   * As {@link #rebuild(Path, Progress)}, for a database encrypted with the file key of {@code keys}
   * (unlocked by an account's key slot: ADR 0110); the rebuilt file is encrypted with it too.
   */
  public static Outcome rebuild(Path dataDir, KeyRing keys, Progress progress) {
    char[] filePassword = keys.h2FilePassword();
    try {
      return rebuild(dataDir, filePassword, progress);
    } finally {
      clear(filePassword);
    }
  }

  private static Outcome rebuild(Path dataDir, char[] filePassword, Progress progress) {
    List<Journal.Entry> notes = Rebuild.run(dataDir, filePassword, progress);
    try (Database db = Database.open(dataDir, filePassword)) {
      WallClock clock = WallClock.system();
      SyncRecovery.Outcome o =
          SyncRecovery.afterRebuild(
              db,
              new ReplicatedWriter(clock, new fr.passerelle.sync.ConsentGuard()),
              clock,
              notes,
              progress);
      // the search index follows change sequences the rebuilt file may issue again: built afresh
      LuceneSearchIndex.discard(dataDir);
      return new Outcome(o.checkpointsRolledBack(), o.importsRestarted(), null, null);
    }
  }

  /** Puts back the newest automatic backup (with a new replica id, as any restore). */
  public static Outcome restoreLatestBackup(Path dataDir) {
    return restoreLatestBackup(dataDir, KeyRing.clear());
  }

  /**
   * As {@link #restoreLatestBackup(Path)}, for a database encrypted with the file key of {@code
   * keys}.
   */
  public static Outcome restoreLatestBackup(Path dataDir, KeyRing keys) {
    AutoBackups.Backup b =
        AutoBackups.latest(dataDir)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "db.noBackup",
                        "There is no automatic backup in " + dataDir + ".",
                        dataDir));
    char[] filePassword = keys.h2FilePassword();
    try {
      UUID replica =
          BackupService.restore(
              dataDir,
              b.file(),
              filePassword,
              BackupService.RestoreCheck.ANY,
              null,
              WallClock.system());
      return new Outcome(0, 0, replica, b);
    } finally {
      clear(filePassword);
    }
  }

  private static void clear(char[] secret) {
    if (secret != null) {
      java.util.Arrays.fill(secret, '\0');
    }
  }
}
