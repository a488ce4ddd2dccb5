package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Damage;
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

    Database.open(dir).close();

    try (var left = Files.list(dir.resolve("tmp"))) {
      assertThat(left).containsExactly(kept);
    }
    assertThat(dir.resolve("restore-123")).doesNotExist();
    assertThat(dir.resolve("backups/.passerelle-backup99.part")).doesNotExist();
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
    ok("init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    ok("demo", "--candidates", "60", "--today", "2026-11-29");
    String before = ok("sync", "digest").out().lines().findFirst().orElseThrow();
    try (Services s = Services.open(dir)) {
      assertThat(s.takeDailyBackupIfDue()).isTrue();
    }
    // as a kill can leave it (seen by the crash harness: "Chunk 20 not found"): both file headers
    // unreadable, and the marker of a session that did not close
    Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
    try (var ch =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[8192]), 0);
    }
    Files.writeString(dir.resolve(Database.OPEN_MARKER), "open since a crash\n");

    Cli.Result check = admin("check");
    assertThat(check.code()).isEqualTo(DatabaseDamagedException.EXIT_CODE).isEqualTo(7);
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
