package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Damage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves in a data folder, and the way back (ADR 0080): the leftovers go at the next
 * open, an unclean shutdown is followed by an integrity check, a damaged database is refused with
 * the way back, which leads to a working installation.
 */
class DatabaseRecoveryTest {
  @TempDir Path dir;

  private Cli.Result ok(String... args) {
    Cli.Result r = Cli.run(dir, args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  @Test
  void aCleanCloseLeavesNoTraceOfAnError() {
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    ok("sync", "status");
    ok("demo", "--candidates", "40", "--today", "2026-11-29"); // ends with SHUTDOWN COMPACT
    ok("stats");
    assertThat(dir.resolve("passerelle.trace.db")).doesNotExist();
    assertThat(dir.resolve(Database.OPEN_MARKER)).doesNotExist();
  }

  @Test
  void whatAKilledProcessLeftInTheDataFolderGoesAtTheNextOpen() throws Exception {
    Database.open(dir).close();
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("tmp/passerelle-import-1.tmp"), "a copy of a sync file");
    Files.createDirectories(dir.resolve("restore-123"));
    Files.writeString(dir.resolve("restore-123/passerelle.mv.db"), "half a restore");
    Files.createDirectories(dir.resolve("backups"));
    Files.writeString(dir.resolve("backups/.passerelle-backup99.part"), "half a backup");
    Path kept = dir.resolve("tmp/import-kept.passerelle");
    Files.writeString(kept, "what an interrupted import resumes from");
    new Journal(dir)
        .begin("sync-import", List.of("candidate"), Map.of(Journal.KEEP_FILE, kept.toString()));
    // a backup to a folder of the user's choice (a USB stick), killed as it wrote its file there
    Path usb = Files.createDirectories(dir.resolveSibling("usb"));
    Path partial = usb.resolve(".passerelle-backup1234.part");
    Files.writeString(partial, "half a backup");
    new Journal(dir).begin("backup", List.of(), Map.of("partialFile", partial.toString()));

    Database.open(dir).close();

    try (var left = Files.list(dir.resolve("tmp"))) {
      assertThat(left).containsExactly(kept);
    }
    assertThat(dir.resolve("restore-123")).doesNotExist();
    assertThat(dir.resolve("backups/.passerelle-backup99.part")).doesNotExist();
    assertThat(partial).doesNotExist();
    assertThat(new Journal(dir).leftovers())
        .extracting(Journal.Entry::kind)
        .containsExactly("sync-import");
  }

  @Test
  void anUncleanShutdownIsFollowedByACheckAndForgottenOnceItPasses() throws Exception {
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    Files.writeString(dir.resolve(Database.OPEN_MARKER), "open since a crash\n");
    try (Services s = Services.open(dir)) {
      assertThat(s.db().uncleanShutdown()).isTrue();
    }
    assertThat(dir.resolve(Database.OPEN_MARKER)).doesNotExist();
    try (Services s = Services.open(dir)) {
      assertThat(s.db().uncleanShutdown()).isFalse();
    }
  }

  @Test
  void aDamagedTableIsFoundRefusedAndRebuiltIntoAWorkingInstallation() throws Exception {
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    ok("demo", "--candidates", "300", "--today", "2026-11-29");
    String before = ok("sync", "digest").out();
    String index;
    try (Database db = Database.open(dir)) {
      index = Damage.loseIndexEntries(db, "CANDIDATE", 25);
    }

    Cli.Result check = Cli.run(dir, "check");
    assertThat(check.code()).isEqualTo(DatabaseDamagedException.EXIT_CODE);
    assertThat(check.err())
        .contains("is damaged", "candidate", index.toLowerCase(), "check --rebuild");

    // until the way back is taken, the installation refuses to serve from the damaged file
    Cli.Result digest = Cli.run(dir, "sync", "digest");
    assertThat(digest.code()).isEqualTo(DatabaseDamagedException.EXIT_CODE);
    assertThatThrownBy(() -> Services.open(dir))
        .isInstanceOf(DatabaseDamagedException.class)
        .satisfies(
            e ->
                assertThat(((DatabaseDamagedException) e).key())
                    .hasValueSatisfying(k -> assertThat(k).startsWith("db.damaged")));

    Cli.Result rebuilt = ok("check", "--rebuild");
    assertThat(rebuilt.out()).contains("Rebuilt", "The database is sound");
    assertThat(ok("sync", "digest").out()).isEqualTo(before);
    assertThat(ok("candidates", "search", "a").out()).isNotBlank();
    assertThat(ok("check").out()).contains("The database is sound");
  }

  @Test
  void theNewestAutomaticBackupIsTheOtherWayBack() throws Exception {
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    ok("demo", "--candidates", "60", "--today", "2026-11-29");
    String before = ok("sync", "digest").out().lines().findFirst().orElseThrow();
    try (Services s = Services.open(dir)) {
      assertThat(s.takeDailyBackupIfDue()).isTrue();
      assertThat(s.takeDailyBackupIfDue()).isFalse(); // one a day
    }
    try (Database db = Database.open(dir)) {
      Damage.loseIndexEntries(db, "CANDIDATE", 5);
    }
    assertThat(Cli.run(dir, "check").code()).isEqualTo(DatabaseDamagedException.EXIT_CODE);

    Cli.Result restored = ok("check", "--restore-backup");
    assertThat(restored.out()).contains("Restored the automatic backup", "The database is sound");
    assertThat(ok("sync", "digest").out().lines().findFirst().orElseThrow()).isEqualTo(before);
  }

  @Test
  void aFileH2CannotOpenAfterACrashIsSaidAsDamageAndTheBackupBringsItBack() throws Exception {
    String before = demoWithDailyBackup();
    // as a kill can leave it (seen by the crash harness: "Chunk 20 not found"): both file headers
    // unreadable, and the marker of a session that did not close
    Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
    overwrite(file, 0, new byte[8192]);
    Files.writeString(dir.resolve(Database.OPEN_MARKER), "open since a crash\n");
    unreadableThenRestored(before);
  }

  @Test
  void aCorruptedChunkIsDamageEvenWithoutTheMarkerOfAnUnclosedSession() throws Exception {
    String before = demoWithDailyBackup();
    // as the crash harness found them (docs/reliability.md): the header says the file was closed
    // cleanly, no marker is left, and the newest chunk holds other bytes ("File corrupted in chunk
    // 40, expected page length 4..256, got 808464432": "0000")
    Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
    String header = new String(Files.readAllBytes(file), 0, 100, StandardCharsets.ISO_8859_1);
    assertThat(header).startsWith("H:2,").contains("clean:1");
    // into the pages of the file's first chunk, the one the demo's compaction wrote
    overwrite(file, 8192 + 108, "0".repeat(2048).getBytes(StandardCharsets.US_ASCII));
    assertThat(dir.resolve(Database.OPEN_MARKER)).doesNotExist();
    unreadableThenRestored(before);
  }

  @Test
  void aFileWhoseChunksAreAllGoneIsDamageNotANewEmptyDatabase() throws Exception {
    String before = demoWithDailyBackup();
    // H2 2.5.252 opens a file whose chunks it cannot find as an empty database, without an error:
    // Flyway would then have made a new installation of it, the office's data silently gone
    Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
    int rest = (int) Files.size(file) - 8192;
    overwrite(file, 8192, "0".repeat(rest).getBytes(StandardCharsets.US_ASCII));
    unreadableThenRestored(before);
  }

  @Test
  void aSyncImportIsBackedUpBeforeUnlessTheNewestBackupHoldsTheSameState() {
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    try (Services s = fr.passerelle.testsupport.TestServices.open(dir)) {
      AutoBackups backups = new AutoBackups(s.db(), WallClock.system());
      assertThat(backups.takeUnlessCurrent("import")).isPresent();
      assertThat(backups.takeUnlessCurrent("import")).as("nothing written since").isEmpty();
      new fr.passerelle.testsupport.Seed(s).candidate("Garnier", "Léa");
      assertThat(backups.takeUnlessCurrent("import")).as("a candidate written since").isPresent();
      assertThat(AutoBackups.list(dir)).hasSize(2);
    }
  }

  private String demoWithDailyBackup() {
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    ok("demo", "--candidates", "60", "--today", "2026-11-29");
    String before = ok("sync", "digest").out().lines().findFirst().orElseThrow();
    try (Services s = Services.open(dir)) {
      assertThat(s.takeDailyBackupIfDue()).isTrue();
    }
    return before;
  }

  private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
    try (var ch =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes), at);
    }
  }

  /** The check says damage with the automatic backup as the way back, which restores it. */
  private void unreadableThenRestored(String before) {
    Cli.Result check = admin("check");
    assertThat(check.code()).as(check.err()).isEqualTo(DatabaseDamagedException.EXIT_CODE);
    assertThat(check.err()).contains("cannot be opened", "check --restore-backup");
    assertThatThrownBy(() -> Services.open(dir))
        .isInstanceOf(DatabaseDamagedException.class)
        .satisfies(e -> assertThat(((DatabaseDamagedException) e).unreadable()).isTrue());

    Cli.Result restored = admin("check", "--restore-backup");
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("Restored the automatic backup", "The database is sound");
    assertThat(ok("sync", "digest").out().lines().findFirst().orElseThrow()).isEqualTo(before);
  }

  /** As the administrator, without looking for accounts first (the file may not open). */
  private Cli.Result admin(String... args) {
    return Cli.runAs(
        dir,
        fr.passerelle.testsupport.TestServices.ADMIN,
        fr.passerelle.testsupport.TestServices.PASSWORD + "\n",
        args);
  }
}
