package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line runs as an account: the password asked or read from standard input (never an
 * argument), refusals with exit 4 naming the permission, accounts and the audit trail.
 */
class SecurityCliTest {
  private static final String MARIE = "la mer monte vers midi";
  @TempDir Path dir;

  private Result marie(String stdin, String... args) {
    return Cli.runAs(dir, "marie", stdin, args);
  }

  private void setUp() {
    Result r =
        marie(
            MARIE + "\n",
            "init",
            "--office-name",
            "Agence Albi",
            "--office-kind",
            "FRANCE_TRAVAIL",
            "--first-name",
            "Marie",
            "--last-name",
            "Curie");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("First administrator: marie", "Agence Albi");
  }

  @Test
  void initCreatesTheFirstAdministratorWhoseRightPasswordAloneOpens() throws Exception {
    setUp();
    Result list = marie(MARIE + "\n", "accounts", "list", "--json");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("\"login\" : \"marie\"", "ADMINISTRATOR", "COUNSELOR", "MANAGER");
    Result wrong = marie("la mer descend\n", "stats");
    assertThat(wrong.code()).isEqualTo(4);
    assertThat(wrong.err().strip()).isEqualTo("Wrong login or password.");
    Result nobody = Cli.runAs(dir, null, "", "stats");
    assertThat(nobody.code()).isEqualTo(1);
    assertThat(nobody.err()).contains("--user LOGIN");
    Result noPassword = marie("", "stats");
    assertThat(noPassword.code()).isEqualTo(1);
    assertThat(noPassword.err()).contains("standard input ended before the password");
    // no option takes a password
    assertThat(marie(MARIE + "\n", "--password", MARIE, "stats").code()).isEqualTo(1);
    // never stored in clear
    byte[] db = Files.readAllBytes(dir.resolve("passerelle.mv.db"));
    assertThat(new String(db, StandardCharsets.ISO_8859_1)).doesNotContain(MARIE);
    assertThat(new String(db, StandardCharsets.UTF_16LE)).doesNotContain(MARIE);
    Result failures = marie(MARIE + "\n", "audit", "list", "--action", "SIGN_IN_FAILED", "--json");
    assertThat(failures.out()).contains("\"actor\" : \"marie\"").doesNotContain("la mer");
  }

  @Test
  void aCounselorIsRefusedWhatItsRoleDoesNotGrantWithTheMissingPermission() {
    setUp();
    Result add =
        marie(
            MARIE + "\nune phrase pour commencer\n",
            "accounts",
            "add",
            "paul",
            "--role",
            "COUNSELOR",
            "--first-name",
            "Paul",
            "--last-name",
            "Durand",
            "--counselor");
    assertThat(add.code()).as(add.err()).isZero();
    Result first = Cli.runAs(dir, "paul", "une phrase pour commencer\n", "stats");
    assertThat(first.code()).isEqualTo(4);
    assertThat(first.err()).contains("must choose its own password first", "accounts passwd");
    Result passwd =
        Cli.runAs(
            dir,
            "paul",
            "une phrase pour commencer\nle train de sept heures\n",
            "accounts",
            "passwd");
    assertThat(passwd.code()).as(passwd.err()).isZero();
    Path out = dir.resolve("candidats.csv");
    Result export =
        Cli.runAs(dir, "paul", "le train de sept heures\n", "candidates", "export", out.toString());
    assertThat(export.code()).isEqualTo(4);
    assertThat(export.err()).contains("lacks the permission DATA_EXPORT", "Nothing was changed");
    assertThat(Files.exists(out)).isFalse();
    Result accounts = Cli.runAs(dir, "paul", "le train de sept heures\n", "accounts", "list");
    assertThat(accounts.code()).isEqualTo(4);
    assertThat(accounts.err()).contains("ACCOUNTS_MANAGE");
    Result refused = marie(MARIE + "\n", "audit", "list", "--action", "REFUSED", "--json");
    assertThat(refused.out())
        .contains(
            "CandidateTransfer.exportFile",
            "DATA_EXPORT",
            "AccountService.list",
            "Paul Durand (paul)");
  }

  @Test
  void anAdministratorResetsAForgottenPasswordAndSetsRoles() {
    setUp();
    marie(
        MARIE + "\nune phrase pour commencer\n", "accounts", "add", "paul", "--role", "COUNSELOR");
    Result reset =
        marie(MARIE + "\nun nouveau depart au printemps\n", "accounts", "reset-password", "paul");
    assertThat(reset.code()).as(reset.err()).isZero();
    assertThat(Cli.runAs(dir, "paul", "une phrase pour commencer\n", "stats").code()).isEqualTo(4);
    Result roles =
        marie(
            MARIE + "\n", "accounts", "roles", "paul", "--role", "MANAGER", "--role", "READ_ONLY");
    assertThat(roles.out()).contains("paul: MANAGER,READ_ONLY");
    Result last = marie(MARIE + "\n", "accounts", "roles", "marie", "--role", "COUNSELOR");
    assertThat(last.code()).isEqualTo(2);
    assertThat(last.err()).contains("last administrator");
  }

  @Test
  void auditVerifyNamesTheFirstEntryChangedInTheDatabase() throws Exception {
    setUp();
    Result ok = marie(MARIE + "\n", "audit", "verify");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("Audit trail intact");
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("passerelle").toAbsolutePath(), "sa", "");
        var st = c.createStatement()) {
      st.executeUpdate("UPDATE audit_entry SET actor = 'personne' WHERE origin_seq = 2");
    }
    Result broken = marie(MARIE + "\n", "audit", "verify");
    assertThat(broken.code()).isEqualTo(5);
    assertThat(broken.err()).contains("Audit trail broken: entry #2 of installation", "modified");
  }

  @Test
  void theTrustConfirmationIsReadAfterThePassword() {
    setUp();
    Path other = dir.resolveSibling(dir.getFileName() + "-other");
    Cli.run(other, "init", "--office-name", "Agence Castres", "--office-kind", "FRANCE_TRAVAIL");
    Path card = other.resolve("card.json");
    assertThat(Cli.run(other, "sync", "identity", "--out", card.toString()).code()).isZero();
    Result trust = marie(MARIE + "\ny\n", "sync", "trust", card.toString());
    assertThat(trust.code()).as(trust.err()).isZero();
    assertThat(trust.out()).contains("Trusted Agence Castres");
  }
}
