package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Vault;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup carries what opens it (issue 14, ADR 0146): the key slots of an encrypted installation
 * go into its backups, so that {@code restore --move-installation} on another workstation opens it
 * with a password of that installation; a wrong password restores nothing, changes nothing.
 */
class BackupCarriesKeysCliTest {
  static final String PW = TestServices.PASSWORD + "\n";
  static final Pattern FINGERPRINT = Pattern.compile("Fingerprint: (\\S+)");
  @TempDir Path root;
  final Vault vault = Cli.encrypting();
  Path old;
  Path backup;
  String fingerprint;

  private Cli.Result ok(Path dir, String stdin, String... args) {
    Cli.Result r = Cli.runWith(dir, vault, TestServices.ADMIN, stdin, args);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private static String fingerprint(String out) {
    Matcher m = FINGERPRINT.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  /** The old workstation: an encrypted installation with its sealed sync keys, backed up. */
  @BeforeEach
  void oldWorkstation() throws Exception {
    old = root.resolve("old-workstation");
    ok(old, PW, "init", "--office-name", "Interim Nord Lille", "--office-kind", "temp-agency");
    fingerprint =
        fingerprint(
            ok(old, PW, "sync", "identity", "--out", root.resolve("a.card").toString()).out());
    backup = root.resolve("interim.zip");
    ok(old, PW, "backup", "--out", backup.toString());
    try (ZipFile z = new ZipFile(backup.toFile())) {
      assertThat(z.getEntry("passerelle.keys")).as("the key slots are carried").isNotNull();
      assertThat(z.getEntry("sync-keys.json")).as("never the private keys").isNull();
    }
  }

  /** Every file of a folder with its bytes' hash: what "nothing changed" compares. */
  private static Map<String, Integer> snapshot(Path dir) throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    if (!Files.exists(dir)) {
      return out;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), java.util.Arrays.hashCode(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  @Test
  void aFreshWorkstationTakesTheBackupWithAPasswordOfItsInstallation() throws Exception {
    Path fresh = root.resolve("new-workstation");
    Cli.Result wrong =
        Cli.runWith(
            fresh,
            vault,
            TestServices.ADMIN,
            "not the password of that installation\n",
            "restore",
            backup.toString(),
            "--move-installation");
    assertThat(wrong.code()).as(wrong.err()).isEqualTo(4);
    assertThat(wrong.err()).contains("does not open the backup").contains("nothing was restored");
    assertThat(snapshot(fresh)).as("nothing made in the new folder").isEmpty();

    Cli.Result moved =
        ok(
            fresh,
            PW,
            "restore",
            backup.toString(),
            "--move-installation",
            "--keys",
            old.resolve("sync-keys.json").toString());
    assertThat(moved.out()).contains("office \"Interim Nord Lille\"").contains(fingerprint);
    assertThat(KeySlots.file(fresh)).exists();

    // the new workstation opens with the old one's password, as the same office, same keys
    Cli.Result card =
        ok(fresh, PW, "sync", "identity", "--out", root.resolve("moved.card").toString());
    assertThat(card.out()).contains("Interim Nord Lille");
    assertThat(fingerprint(card.out())).isEqualTo(fingerprint);
    assertThat(
            Cli.runWith(fresh, vault, TestServices.ADMIN, "wrong wrong wrong wrong\n", "stats")
                .code())
        .isEqualTo(4);
  }

  @Test
  void anotherInstallationsFolderIsLeftAsItWasByAWrongPassword() throws Exception {
    Path other = root.resolve("other-workstation");
    ok(other, PW, "init", "--office-name", "FT Toulouse", "--office-kind", "france-travail");
    ok(other, PW, "sync", "identity", "--out", root.resolve("b.card").toString());
    Map<String, Integer> before = snapshot(other);

    // this folder's administrator signs in, then a wrong password of the backed-up installation
    Cli.Result wrong =
        Cli.runWith(
            other,
            vault,
            TestServices.ADMIN,
            PW + "not the password of that installation\n",
            "restore",
            backup.toString(),
            "--move-installation");
    assertThat(wrong.code()).as(wrong.err()).isEqualTo(4);
    assertThat(wrong.err()).contains("does not open the backup");
    Map<String, Integer> after = snapshot(other);
    after.keySet().removeIf(n -> n.startsWith("passerelle.trace") || n.equals("passerelle.audit"));
    before.keySet().removeIf(n -> n.startsWith("passerelle.trace") || n.equals("passerelle.audit"));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("passerelle.keys")).isEqualTo(before.get("passerelle.keys"));
    assertThat(after.get("sync-keys.json")).isEqualTo(before.get("sync-keys.json"));
    assertThat(ok(other, PW, "sync", "identity", "--out", root.resolve("b2.card").toString()).out())
        .contains("FT Toulouse");

    // the right one: moved here, this folder's database, key slots and sync keys set aside
    Cli.Result moved =
        ok(
            other,
            PW + PW,
            "restore",
            backup.toString(),
            "--move-installation",
            "--keys",
            old.resolve("sync-keys.json").toString());
    assertThat(moved.out()).contains("office \"Interim Nord Lille\"").contains(fingerprint);
    try (Stream<Path> files = Files.list(other)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names)
          .anyMatch(n -> n.startsWith("passerelle.keys.before-restore-"))
          .anyMatch(n -> n.startsWith("passerelle.mv.db.before-restore-"))
          .anyMatch(n -> n.startsWith("sync-keys.json.before-restore-"));
    }
    Cli.Result card = ok(other, PW, "sync", "identity", "--out", root.resolve("m.card").toString());
    assertThat(card.out()).contains("Interim Nord Lille");
    assertThat(fingerprint(card.out())).isEqualTo(fingerprint);
  }
}
