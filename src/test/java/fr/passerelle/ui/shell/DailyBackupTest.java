package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily automatic backup says its failure to the counselor, in French; nothing else. */
class DailyBackupTest {
  @TempDir Path dir;

  @Test
  void aBackupThatCannotBeWrittenIsSaidInANotice() throws Exception {
    try (Services s = TestServices.open(dir)) {
      Path backups = s.db().dataDir().resolve("backups");
      if (Files.isDirectory(backups)) {
        try (var files = Files.list(backups)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(backups);
      }
      Files.writeString(backups, "a file where the backups' folder should be");
      List<String> notices = new ArrayList<>();

      DailyBackup.takeIfDue(
          s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH), notices::add);

      assertThat(notices)
          .singleElement()
          .asString()
          .startsWith(
              "La sauvegarde automatique du jour n’a pas pu être faite : Passerelle ne peut pas"
                  + " écrire dans le dossier des sauvegardes ")
          .contains("Vos données ne sont pas touchées");
    }
  }

  @Test
  void aBackupTakenSaysNothing() {
    try (Services s = TestServices.open(dir)) {
      List<String> notices = new ArrayList<>();

      DailyBackup.takeIfDue(
          s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH), notices::add);

      assertThat(notices).isEmpty();
      assertThat(fr.passerelle.db.AutoBackups.latest(s.db().dataDir())).isPresent();
    }
  }
}
