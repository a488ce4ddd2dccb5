package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Vault;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on an encrypted installation (issue 14): {@code init} encrypts and shows the
 * recovery key once; every command signs in before the database opens; a clear installation is
 * converted at its first command; the recovery key gives an account its access back.
 */
class EncryptionCliTest {
  static final Pattern KEY = Pattern.compile("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
  static final String PW = TestServices.PASSWORD + "\n";
  @TempDir Path dir;
  final Vault vault = Cli.encrypting();

  private Cli.Result run(String login, String stdin, String... args) {
    return Cli.runWith(dir, vault, login, stdin, args);
  }

  private static String key(String out) {
    Matcher m = KEY.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group();
  }

  @Test
  void initEncryptsAndEveryCommandSignsInFirst() {
    Cli.Result init =
        run(
            TestServices.ADMIN,
            PW,
            "init",
            "--office-name",
            "Agence Albi",
            "--office-kind",
            "france-travail");
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out()).contains("Recovery key, shown this once");
    String recovery = key(init.out());
    assertThat(Files.exists(KeySlots.file(dir))).isTrue();

    Cli.Result stats = run(TestServices.ADMIN, PW, "stats");
    assertThat(stats.code()).as(stats.err()).isZero();
    assertThat(stats.err()).doesNotContain("recovery key");

    Cli.Result wrong = run(TestServices.ADMIN, "not the right password at all\n", "stats");
    assertThat(wrong.code()).isEqualTo(4);
    assertThat(wrong.err()).contains("Wrong login or password");

    Cli.Result add =
        run(
            TestServices.ADMIN,
            PW + "un mot de passe provisoire\n",
            "accounts",
            "add",
            "cmartin",
            "--role",
            "counselor");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(KeySlots.read(KeySlots.file(dir)).slots())
        .anyMatch(s -> "cmartin".equals(s.login()));

    // every administrator's password forgotten: the recovery key
    Cli.Result recover =
        run(
            null,
            recovery.toLowerCase() + "\nun autre mot de passe provisoire\n",
            "--password-stdin",
            "accounts",
            "recover",
            TestServices.ADMIN);
    assertThat(recover.code()).as(recover.err()).isZero();
    Cli.Result passwd =
        run(TestServices.ADMIN, "un autre mot de passe provisoire\n" + PW, "accounts", "passwd");
    assertThat(passwd.code()).as(passwd.err()).isZero();

    Cli.Result renew = run(TestServices.ADMIN, PW, "accounts", "recovery-key");
    assertThat(renew.code()).as(renew.err()).isZero();
    String fresh = key(renew.out());
    assertThat(fresh).isNotEqualTo(recovery);
    Cli.Result old =
        run(
            null,
            recovery + "\nun autre mot de passe provisoire\n",
            "--password-stdin",
            "accounts",
            "recover",
            TestServices.ADMIN);
    assertThat(old.code()).isNotZero();
    assertThat(old.err()).contains("does not open");
  }

  @Test
  void aClearInstallationIsConvertedAtItsFirstCommand() throws Exception {
    Cli.Result init =
        Cli.run(dir, "init", "--office-name", "Agence Albi", "--office-kind", "france-travail");
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(Files.exists(KeySlots.file(dir))).as("the clear vault keeps it clear").isFalse();

    Cli.Result first = run(TestServices.ADMIN, PW, "stats");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("now encrypted");
    key(first.err());
    assertThat(Files.exists(KeySlots.file(dir))).isTrue();

    // a vault that does not encrypt still opens an encrypted folder by a sign-in
    Cli.Result again = Cli.runAs(dir, TestServices.ADMIN, PW, "stats");
    assertThat(again.code()).as(again.err()).isZero();
  }
}
