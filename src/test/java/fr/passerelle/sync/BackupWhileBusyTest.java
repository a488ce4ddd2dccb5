package fr.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.office.OfficeKind;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup made while H2's background writer is busy (here: right after an installation opened a
 * database copied from a freshly migrated one, whose many half-empty chunks H2 compacts in the
 * background) restores the installation as it was: its office, its last commits. H2's {@code BACKUP
 * TO} copied the file while that compaction moved and truncated chunks: 5 of 12 such backups
 * restored without their office, or did not open ("Chunk 33 not found").
 */
class BackupWhileBusyTest {
  @TempDir Path root;

  @Test
  void everyBackupOfABusyDatabaseRestoresItsOfficeAndLastCommits() {
    for (int i = 0; i < 6; i++) {
      Path dir = root.resolve("run" + i);
      Node t = Node.create(dir, "Interim Nord Lille", OfficeKind.TEMP_AGENCY, "Interim Nord");
      UUID c = t.addCandidate("Martin");
      t.setConsent(c, true, false);
      String digest = t.digest();
      Path backup = dir.resolve("backup.zip");
      InstallationBackup.backup(t.services.db(), backup, t.clock);
      t.close();
      Path target = dir.resolve("restored");
      InstallationBackup.Restored r =
          InstallationBackup.restore(
              target, backup, false, null, fr.passerelle.db.WallClock.system());
      assertThat(r.office()).as("run " + i).isEqualTo("Interim Nord Lille");
      try (var db = fr.passerelle.db.Database.open(target)) {
        assertThat(SyncDigest.compute(db.dsl())).as("run " + i).isEqualTo(digest);
      }
    }
  }
}
