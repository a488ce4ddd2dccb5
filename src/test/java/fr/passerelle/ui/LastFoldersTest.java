package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chooser opens in the folder last chosen for the same purpose, while it is still there. */
class LastFoldersTest {
  @TempDir Path dir;
  final LastFolders folders = new LastFolders();

  @Test
  void aFileChosenRemembersItsFolderForItsPurposeOnly() throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    folders.chosen("candidates-export", exports.resolve("candidats.csv"), true);

    assertThat(folders.folder("candidates-export")).contains(exports);
    assertThat(folders.folder("audit-export")).isEmpty();
  }

  @Test
  void aFolderChosenIsRememberedItselfAndForgottenOnceRemoved() throws Exception {
    Path keys = Files.createDirectories(dir.resolve("cles"));
    folders.chosen("sync-export", keys, false);
    assertThat(folders.folder("sync-export")).contains(keys);

    Files.delete(keys);
    assertThat(folders.folder("sync-export")).isEmpty();
  }

  @Test
  void theLastChoiceWins() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    folders.chosen("import", a.resolve("x.csv"), true);
    folders.chosen("import", b.resolve("y.csv"), true);
    assertThat(folders.folder("import")).contains(b);
  }
}
