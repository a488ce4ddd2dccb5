package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.db.OfficeServer;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second workstation joins the office's installation in one command (issue 15, ADR 0190): {@code
 * join --database --db-user} on a new data folder, the server's password then an account's read
 * from standard input; the key slots kept on the server open with the account's password. Refusals
 * leave the folder as it was. Runs in the PostgreSQL suite only ({@link TestServer}).
 */
@Tag("postgresql")
class OfficeServerJoinTest {
  private static final String PW = TestServices.PASSWORD + "\n";
  private static final String TEMPORARY = "un mot de passe provisoire assez long\n";

  @TempDir Path root;
  private Path first;
  private Path second;
  private String database;

  @BeforeEach
  void freshDatabase() throws Exception {
    assumeTrue(TestServer.configured(), "no PostgreSQL server named (" + TestServer.LOCATION + ")");
    database = TestServer.createDatabase();
    first = Files.createDirectories(root.resolve("poste1"));
    second = root.resolve("poste2");
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      TestServer.dropDatabase(database);
    }
  }

  private String location() {
    return TestServer.location(database);
  }

  private static String serverPassword() {
    return OfficeServerCliTest.serverPassword();
  }

  private Cli.Result on(Path dir, String login, String stdin, String... args) {
    return Cli.runWith(dir, Cli.encrypting(), login, stdin, args);
  }

  private Cli.Result init(Path dir) {
    return on(
        dir,
        TestServices.ADMIN,
        serverPassword() + "\n" + PW,
        "init",
        "--office-name",
        "Agence Albi",
        "--office-kind",
        "FRANCE_TRAVAIL",
        "--database",
        location(),
        "--db-user",
        TestServer.server().user());
  }

  private Cli.Result join(Path dir, String login, String stdin, String location) {
    return on(
        dir, login, stdin, "join", "--database", location, "--db-user", TestServer.server().user());
  }

  @Test
  void aSecondWorkstationJoinsWithAnAccountsPasswordAndSeesTheSameOffice() throws Exception {
    Cli.Result init = init(first);
    assertThat(init.code()).as(init.err()).isZero();
    // an account created on the first workstation after the set-up: its slot goes to the server
    Cli.Result add =
        on(
            first,
            TestServices.ADMIN,
            PW + TEMPORARY,
            "accounts",
            "add",
            "cmartin",
            "--role",
            "COUNSELOR");
    assertThat(add.code()).as(add.err()).isZero();

    Cli.Result joined = join(second, "cmartin", serverPassword() + "\n" + TEMPORARY, location());
    assertThat(joined.code()).as(joined.err()).isZero();
    assertThat(joined.out()).contains("joined the office \"Agence Albi\" on " + location());
    assertThat(Files.exists(second.resolve(OfficeServer.FILE))).isTrue();
    assertThat(Files.exists(KeySlots.file(second))).isTrue();
    assertThat(Files.exists(second.resolve("passerelle.mv.db"))).isFalse();
    String descriptor = Files.readString(second.resolve(OfficeServer.FILE));
    assertThat(descriptor).contains("password.sealed=");
    if (!serverPassword().isEmpty()) {
      assertThat(descriptor.lines().filter(l -> l.startsWith("password.sealed=")))
          .singleElement()
          .asString()
          .doesNotContain(serverPassword());
    }

    // the first workstation's administrator signs in on the second, on the same office data
    Cli.Result office = on(second, TestServices.ADMIN, PW, "office", "show");
    assertThat(office.code()).as(office.err()).isZero();
    assertThat(office.out()).contains("Agence Albi");
    Cli.Result ids1 =
        on(
            first,
            TestServices.ADMIN,
            PW,
            "sync",
            "identity",
            "--out",
            first.resolve("a.card").toString());
    Cli.Result ids2 =
        on(
            second,
            TestServices.ADMIN,
            PW,
            "sync",
            "identity",
            "--out",
            second.resolve("b.card").toString());
    assertThat(ids2.code()).as(ids2.err()).isZero();
    assertThat(OfficeServerCliTest.fingerprint(ids2.out()))
        .isEqualTo(OfficeServerCliTest.fingerprint(ids1.out()))
        .isNotEmpty();

    // an account made on the second workstation: the first takes its slot from the server at its
    // next opening (any account's sign-in), then the new account signs in there too
    Cli.Result hdupont =
        on(
            second,
            TestServices.ADMIN,
            PW + TEMPORARY,
            "accounts",
            "add",
            "hdupont",
            "--role",
            "COUNSELOR");
    assertThat(hdupont.code()).as(hdupont.err()).isZero();
    assertThat(on(first, TestServices.ADMIN, PW, "office", "show").code()).isZero();
    Cli.Result there = on(first, "hdupont", TEMPORARY, "office", "show");
    // its key slot opened: the sign-in goes on to ask for its own password (a temporary one)
    assertThat(there.err())
        .doesNotContain("Wrong login or password")
        .contains("hdupont must choose its own password first");
  }

  @Test
  void aWrongPasswordAnEmptyDatabaseOrNoServerWriteNothing() throws Exception {
    // the database holds no installation yet
    Cli.Result empty = join(second, TestServices.ADMIN, serverPassword() + "\n" + PW, location());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err())
        .contains("The database at " + location() + " holds no Passerelle installation")
        .doesNotContain("Exception");
    assertNothingWritten();

    assertThat(init(first).code()).isZero();
    Cli.Result wrong =
        join(
            second,
            TestServices.ADMIN,
            serverPassword() + "\npas le bon mot de passe\n",
            location());
    assertThat(wrong.code()).isEqualTo(4);
    assertThat(wrong.err()).doesNotContain("pas le bon").doesNotContain("Exception");
    assertNothingWritten();

    Cli.Result down =
        join(second, TestServices.ADMIN, "x\n" + PW, "postgresql://127.0.0.1:1/" + database);
    assertThat(down.code()).isEqualTo(2);
    assertThat(down.err())
        .contains("Cannot open the office database at postgresql://127.0.0.1:1/" + database)
        .contains("the server does not answer");
    assertNothingWritten();

    // a second init on the same database is refused: it already holds an installation
    Cli.Result again = init(Files.createDirectories(root.resolve("poste3")));
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err())
        .contains("The database at " + location() + " already holds an installation")
        .contains("join");
    assertThat(Files.exists(root.resolve("poste3").resolve(OfficeServer.FILE))).isFalse();
  }

  private void assertNothingWritten() {
    assertThat(Files.exists(second.resolve(OfficeServer.FILE))).isFalse();
    assertThat(Files.exists(KeySlots.file(second))).isFalse();
    assertThat(Files.exists(second.resolve("passerelle.mv.db"))).isFalse();
  }
}
