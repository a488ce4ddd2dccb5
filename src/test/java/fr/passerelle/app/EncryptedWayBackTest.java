package fr.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.WallClock;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Damage;
import fr.passerelle.testsupport.TestServices;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups, restores and the ways back of ADR 0080 on an encrypted database (ADR 0110): a backup
 * holds the encrypted file (no name in its bytes) and is checked with the file key; a restore of
 * it, of a clear backup made before the encryption, a rebuild and the automatic backup all leave an
 * encrypted database that the account's password opens; nothing of the data lies in clear in the
 * folder afterwards.
 */
class EncryptedWayBackTest {
  static final String PW = TestServices.PASSWORD + "\n";
  @TempDir Path dir;
  @TempDir Path out;
  final Vault vault = Cli.encrypting();

  /** A clear installation with a candidate, its clear backup, then encrypted by a first command. */
  @BeforeEach
  void seed() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      s.candidates().save(VaultTest.candidate(), null);
    }
    Cli.Result backup = Cli.run(dir, "backup", "--out", out.resolve("clear.zip").toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(encrypted(mvDb())).isFalse();
    ok("stats"); // the first sign-in after the upgrade encrypts
    assertThat(encrypted(mvDb())).isTrue();
  }

  private Cli.Result ok(String... args) {
    Cli.Result r = run(args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  private Cli.Result run(String... args) {
    return Cli.runWith(dir, vault, TestServices.ADMIN, PW, args);
  }

  private Path mvDb() {
    return dir.resolve(Database.FILE_NAME + ".mv.db");
  }

  private static boolean encrypted(Path file) {
    return Database.encryptedFile(file);
  }

  private KeyRing keys() {
    return KeyRing.unlock(
        dir,
        TestServices.ADMIN,
        TestServices.PASSWORD.toCharArray(),
        TestServices.FAST,
        WallClock.system());
  }

  private Database openWithKey() {
    char[] pw = keys().h2FilePassword();
    try {
      return Database.open(dir, pw);
    } finally {
      java.util.Arrays.fill(pw, '\0');
    }
  }

  private String digest() {
    return ok("sync", "digest").out().lines().findFirst().orElseThrow();
  }

  /** Nothing but encrypted files in the folder: no clear dump, no staging copy left. */
  private void noClearDataLeft() throws Exception {
    try (var all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        assertThat(VaultTest.holds(Files.readAllBytes(f), VaultTest.NAME))
            .as(f.toString())
            .isFalse();
      }
    }
  }

  @Test
  void aBackupHoldsTheEncryptedFileAndIsRestoredIntoTheSameInstallation() throws Exception {
    String before = digest();
    Path zip = out.resolve("enc.zip");
    ok("backup", "--out", zip.toString());
    byte[] inZip;
    try (ZipFile z = new ZipFile(zip.toFile());
        InputStream in = z.getInputStream(z.getEntry(Database.FILE_NAME + ".mv.db"))) {
      inZip = in.readAllBytes();
    }
    assertThat(new String(inZip, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("H2encrypt");
    assertThat(VaultTest.holds(inZip, VaultTest.NAME))
        .as("no name in the backup's database")
        .isFalse();

    Cli.Result restored = ok("restore", zip.toString());
    assertThat(restored.out()).contains("Restored");
    assertThat(encrypted(mvDb())).isTrue();
    assertThat(digest()).isEqualTo(before);
    noClearDataLeft();
  }

  @Test
  void aClearBackupMadeBeforeTheEncryptionIsEncryptedAsItIsRestored() throws Exception {
    String before = digest();
    ok("restore", out.resolve("clear.zip").toString());
    assertThat(encrypted(mvDb())).as("restored encrypted under the folder's key").isTrue();
    assertThat(digest()).isEqualTo(before);
    noClearDataLeft();
  }

  @Test
  void anEncryptedBackupIsRefusedByAnotherInstallation() throws Exception {
    Path zip = out.resolve("enc.zip");
    ok("backup", "--out", zip.toString());
    Path other = out.resolve("other");
    TestServices.withOffice(other, "Agence Albi", OfficeKind.FRANCE_TRAVAIL).close();
    Cli.ensureAdmin(other);
    // encrypted at this first sign-in, under its own file key
    Cli.Result digest = Cli.runWith(other, vault, TestServices.ADMIN, PW, "sync", "digest");
    assertThat(digest.code()).as(digest.err()).isZero();

    Cli.Result r = Cli.runWith(other, vault, TestServices.ADMIN, PW, "restore", zip.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("encrypted by another installation", "nothing was restored");
    Cli.Result after = Cli.runWith(other, vault, TestServices.ADMIN, PW, "sync", "digest");
    assertThat(after.out()).as("unchanged").isEqualTo(digest.out());
  }

  @Test
  void aDamagedEncryptedDatabaseIsRebuiltEncrypted() throws Exception {
    String before = digest();
    try (Database db = openWithKey()) {
      Damage.loseIndexEntries(db, "OCCUPATION_TITLE", 5);
    }
    Cli.Result check = run("check");
    assertThat(check.code()).isEqualTo(DatabaseDamagedException.EXIT_CODE);
    assertThat(check.err()).contains("is damaged", "check --rebuild");

    Cli.Result rebuilt = ok("check", "--rebuild");
    assertThat(rebuilt.out()).contains("Rebuilt", "The database is sound");
    assertThat(encrypted(mvDb())).isTrue();
    assertThat(digest()).isEqualTo(before);
    // the damaged file kept beside it is the encrypted one; the dump in between is gone
    noClearDataLeft();
  }

  @Test
  void theRebuildsDumpIsNeverInClearOnDisk() throws Exception {
    try (Database db = openWithKey()) {
      Damage.loseIndexEntries(db, "OCCUPATION_TITLE", 5);
    }
    java.util.List<String> seen = new java.util.ArrayList<>();
    fr.passerelle.core.Progress spy =
        new fr.passerelle.core.Progress() {
          @Override
          public boolean isCancelled() {
            return false;
          }

          @Override
          public void update(long done, long total, String message) {
            if (!"load".equals(message)) {
              return;
            }
            // the dump is written, not yet loaded: it must not show the data
            try (var all = Files.walk(dir)) {
              for (Path f : all.filter(Files::isRegularFile).toList()) {
                seen.add(f.getFileName().toString());
                assertThat(VaultTest.holds(Files.readAllBytes(f), VaultTest.NAME))
                    .as(f.toString())
                    .isFalse();
              }
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    WayBack.rebuild(dir, keys(), spy);
    assertThat(seen).as("the dump was there to look at").contains("dump.sql");
    assertThat(encrypted(mvDb())).isTrue();
    assertThat(ok("check").out()).contains("The database is sound");
  }

  @Test
  void theAutomaticBackupOfAnEncryptedDatabaseBringsItBack() throws Exception {
    String before = digest();
    try (Services s = vault.open(dir, keys())) {
      assertThat(s.takeDailyBackupIfDue()).isTrue();
    }
    try (Database db = openWithKey()) {
      Damage.loseIndexEntries(db, "OCCUPATION_TITLE", 5);
    }
    assertThat(run("check").code()).isEqualTo(DatabaseDamagedException.EXIT_CODE);

    Cli.Result restored = ok("check", "--restore-backup");
    assertThat(restored.out()).contains("Restored the automatic backup", "The database is sound");
    assertThat(encrypted(mvDb())).isTrue();
    assertThat(digest()).isEqualTo(before);
    noClearDataLeft();
  }
}
