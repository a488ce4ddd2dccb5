package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore that brings its key slots (ADR 0146) killed between its renames: the next open finds
 * the database and the slots that open it together — the old pair before the database's rename, the
 * new pair after it — never a database with another one's slots.
 */
class RestoreWithKeySlotsTest {
  @TempDir Path dir;
  Path db;
  Path incoming;
  Path keys;
  Path keysIncoming;

  @org.junit.jupiter.api.BeforeEach
  void paths() {
    db = dir.resolve(BackupService.DB_ENTRY);
    incoming = dir.resolve(BackupService.DB_ENTRY + RestoreSwap.RESTORING);
    keys = dir.resolve(Database.KEYS_FILE);
    keysIncoming = dir.resolve(Database.KEYS_FILE + RestoreSwap.RESTORING);
  }

  private static void write(Path p, String s) throws Exception {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  private static String read(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void killedBeforeTheDatabasesRenameKeepsTheOldPair() throws Exception {
    write(db, "old database");
    write(keys, "old slots");
    write(incoming, "new database");
    write(keysIncoming, "new slots");
    BackupService.finishInterruptedRestore(dir);
    assertThat(read(db)).isEqualTo("old database");
    assertThat(read(keys)).isEqualTo("old slots");
    assertThat(incoming).doesNotExist();
    assertThat(keysIncoming).doesNotExist();
  }

  @Test
  void killedAfterTheOldDatabaseWasSetAsideBringsTheNewPair() throws Exception {
    write(keys, "old slots");
    write(incoming, "new database");
    write(keysIncoming, "new slots");
    BackupService.finishInterruptedRestore(dir);
    assertThat(read(db)).isEqualTo("new database");
    assertThat(read(keys)).isEqualTo("new slots");
    assertThat(keysIncoming).doesNotExist();
  }

  @Test
  void killedAfterTheDatabasesRenameBringsItsSlots() throws Exception {
    write(db, "new database");
    write(keys, "old slots");
    write(keysIncoming, "new slots");
    BackupService.finishInterruptedRestore(dir);
    assertThat(read(db)).isEqualTo("new database");
    assertThat(read(keys)).isEqualTo("new slots");
    assertThat(keysIncoming).doesNotExist();
  }

  @Test
  void theWholeSwapPutsTheNewPairInPlaceAndKeepsTheOldOneAside() throws Exception {
    write(db, "old database");
    write(keys, "old slots");
    Path staged = dir.resolve("staged.mv.db");
    write(staged, "new database");
    RestoreSwap.swapIn(
        dir, staged, "new slots".getBytes(StandardCharsets.UTF_8), WallClock.system());
    assertThat(read(db)).isEqualTo("new database");
    assertThat(read(keys)).isEqualTo("new slots");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(Database.KEYS_FILE + ".before-restore-"))
          .anyMatch(n -> n.startsWith(BackupService.DB_ENTRY + ".before-restore-"))
          .noneMatch(n -> n.endsWith(RestoreSwap.RESTORING));
    }
  }
}
