package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.db.Database;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation set up on the office server from the command line (issue 15, ADR 0150): {@code
 * init --database --db-user} on a new PostgreSQL database, its password read from standard input,
 * kept only sealed; the next commands sign in first and reach the server; what is the server's own
 * job is refused with the way to do it. Runs in the PostgreSQL suite only ({@link TestServer}).
 */
@Tag("postgresql")
class OfficeServerCliTest {
  private static final String PW = TestServices.PASSWORD + "\n";

  @TempDir Path dir;
  private String database;

  @BeforeEach
  void freshDatabase() {
    assumeTrue(TestServer.configured(), "no PostgreSQL server named (" + TestServer.LOCATION + ")");
    database = TestServer.createDatabase();
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

  /** The test server's password as typed on standard input (empty: none asked). */
  static String serverPassword() {
    char[] pw = TestServer.password();
    return pw == null ? "" : new String(pw);
  }

  private Cli.Result run(String stdin, String... args) {
    return Cli.runWith(dir, Cli.encrypting(), TestServices.ADMIN, stdin, args);
  }

  /** {@code init --database location --db-user user}, {@code stdin} its passwords. */
  private Cli.Result init(String stdin, String location, String user) {
    return run(
        stdin,
        "init",
        "--office-name",
        "Agence Albi",
        "--office-kind",
        "FRANCE_TRAVAIL",
        "--database",
        location,
        "--db-user",
        user);
  }

  @Test
  void initOnTheServerKeepsItsPasswordSealedAndTheNextCommandsSignInAndReachIt() throws Exception {
    Cli.Result init = init(serverPassword() + "\n" + PW, location(), TestServer.server().user());
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out())
        .contains("set up in " + location())
        .contains("Recovery key, shown this once");
    assertThat(Files.exists(dir.resolve("passerelle.mv.db"))).isFalse();
    assertThat(Files.exists(KeySlots.file(dir))).isTrue();
    Properties kept = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve(OfficeServer.FILE))) {
      kept.load(in);
    }
    // the address, the user and the sealed password: nothing else, the password in no clear value
    assertThat(kept.stringPropertyNames())
        .containsExactlyInAnyOrder("database", "user", "password.sealed");
    assertThat(kept.getProperty("database")).isEqualTo(location());
    if (!serverPassword().isEmpty()) {
      assertThat(kept.getProperty("password.sealed")).doesNotContain(serverPassword());
    }

    // the tables are on the server, migrated, with the reference data of the Java migrations
    try (Database db =
        Database.open(dir, OfficeServer.read(dir).orElseThrow().server(), TestServer.password())) {
      assertThat(db.dialect()).isEqualTo(SQLDialect.POSTGRES);
      assertThat(db.dsl().fetchSingle("SELECT COUNT(*) FROM office").get(0, Long.class))
          .isEqualTo(1L);
      assertThat(db.dsl().fetchSingle("SELECT COUNT(*) FROM occupation").get(0, Long.class))
          .isGreaterThan(500L);
      assertThat(
              db.dsl()
                  .fetchSingle("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")
                  .get(0, Long.class))
          .isZero();
    }

    Cli.Result stats = run(PW, "stats");
    assertThat(stats.code()).as(stats.err()).isZero();

    Cli.Result wrong = run("not the right password at all\n", "stats");
    assertThat(wrong.code()).isEqualTo(4);

    Cli.Result backup = run(PW, "backup", "--out", dir.resolve("copy.zip").toString());
    assertThat(backup.code()).isEqualTo(2);
    assertThat(backup.err())
        .contains("office server's job on " + location())
        .contains("docs/office-server.md")
        .doesNotContain("Exception");
  }

  @Test
  void aWrongServerPasswordIsSaidWithTheAddressAndNothingIsKept() {
    assumeTrue(!serverPassword().isEmpty(), "the test server asks no password");
    Cli.Result init =
        init("pas le bon mot de passe\n" + PW, location(), TestServer.server().user());
    assertThat(init.code()).isEqualTo(2);
    assertThat(init.err())
        .contains("Cannot open the office database at " + location())
        .contains("or its password is refused")
        .doesNotContain("pas le bon")
        .doesNotContain("Exception");
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isFalse();
    assertThat(Files.exists(KeySlots.file(dir))).isFalse();
  }

  @Test
  void anUnreachableServerAtInitIsSaidWithItsAddressAndExitCodeTwo() {
    Cli.Result init = init("x\n" + PW, "postgresql://127.0.0.1:1/" + database, "agent");
    assertThat(init.code()).isEqualTo(2);
    assertThat(init.err().strip())
        .isEqualTo(
            "Cannot open the office database at postgresql://127.0.0.1:1/"
                + database
                + ": the server does not answer (is it started, is the address right, is the"
                + " network up?).");
  }

  /**
   * The office is one sync replica (issue 15 item 3, ADR 0184): a second workstation, joined by
   * copying the first one's {@code passerelle.server} and {@code passerelle.keys}, exports with the
   * same identity keys, read from the server where they are kept sealed, none in a data folder.
   */
  @Test
  void aSecondWorkstationSyncsAsTheSameReplicaWithTheKeysKeptSealedOnTheServer() throws Exception {
    Cli.Result init = init(serverPassword() + "\n" + PW, location(), TestServer.server().user());
    assertThat(init.code()).as(init.err()).isZero();
    Path second = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-poste2"));
    for (String f : new String[] {OfficeServer.FILE, "passerelle.keys"}) {
      Files.copy(dir.resolve(f), second.resolve(f));
    }
    Cli.Result first = run(PW, "sync", "identity", "--out", dir.resolve("a.card").toString());
    assertThat(first.code()).as(first.err()).isZero();
    Cli.Result other =
        Cli.runWith(
            second,
            Cli.encrypting(),
            TestServices.ADMIN,
            PW,
            "sync",
            "identity",
            "--out",
            second.resolve("b.card").toString());
    assertThat(other.code()).as(other.err()).isZero();
    assertThat(fingerprint(other.out())).isEqualTo(fingerprint(first.out())).isNotEmpty();
    assertThat(Files.exists(dir.resolve("sync-keys.json"))).isFalse();
    assertThat(Files.exists(second.resolve("sync-keys.json"))).isFalse();
    try (Database db =
        Database.open(dir, OfficeServer.read(dir).orElseThrow().server(), TestServer.password())) {
      String stored = db.dsl().fetchSingle("SELECT content FROM sync_keys").get(0, String.class);
      // the public keys readable, the private ones sealed
      assertThat(stored).contains("\"signingPublic\"").contains("\"sealed\"");
      assertThat(stored).doesNotContain("\"signing\":").doesNotContain("\"encryption\":");
    }
  }

  /** The replica id and fingerprint lines {@code sync identity} printed. */
  static String fingerprint(String out) {
    return out.lines()
        .filter(l -> l.startsWith("Replica id:") || l.startsWith("Fingerprint:"))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
