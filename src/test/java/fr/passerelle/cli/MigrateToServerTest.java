package fr.passerelle.cli;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.accounts.Roles;
import fr.passerelle.app.ServerMove;
import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.ServerCopy;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.crypto.DatabaseEncryption;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Seed;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --to postgresql://…} (issue 15 item 4, ADR 0183): a seeded embedded installation
 * (demo candidates, meetings with participants, offers, training paths, lists; a second account;
 * the audit trail; a trusted sync partner and this installation's sync keys) moved into an empty
 * database: counts and sync digest equal, the next commands sign in and reach the server, the audit
 * chain verifies, a new candidate takes a fresh id and change sequence. A database that is not
 * empty and a wrong server password are refused, nothing changed. PostgreSQL suite only.
 */
@Tag("postgresql")
class MigrateToServerTest {
  private static final String PW = TestServices.PASSWORD + "\n";

  @TempDir Path dir;
  @TempDir Path partner;
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

  private static String serverPassword() {
    return OfficeServerCliTest.serverPassword();
  }

  /** An embedded installation, whatever suite runs (not {@link TestServices#open}: the server). */
  private static Services embedded(Path d) {
    Services s = Services.open(d, WallClock.system(), TestServices.FAST);
    TestServices.signInAdmin(s);
    return s;
  }

  /** Seeds {@link #dir}: demo data, a counselor's account, a trusted partner, the audit trail. */
  private void seed() {
    try (Services p = embedded(partner);
        Services s = embedded(dir)) {
      p.offices().init("Agence Castres", OfficeKind.FRANCE_TRAVAIL, null);
      s.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
      new DemoService(s)
          .generate(new DemoService.Options(300, 7L, s.clock().today()), Progress.NONE);
      s.accounts()
          .create(
              new AccountDraft(
                  "cbernard", "Claire", "Bernard", List.of(Roles.COUNSELOR), null, false),
              TestServices.PASSWORD.toCharArray());
      s.sync().peers().trust(p.sync().identity().card());
      new Seed(s).candidate("Durand", "Léa");
      s.sync().exporter().exportAll(exports(), false, Progress.NONE); // the sync log's rows
    }
  }

  private Path exports() {
    try {
      return Files.createDirectories(partner.resolve("exports"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Cli.Result migrate(Vault vault, String stdin) {
    return Cli.runWith(
        dir,
        vault,
        TestServices.ADMIN,
        stdin,
        "migrate",
        "--to",
        TestServer.location(database),
        "--db-user",
        TestServer.server().user());
  }

  private static Vault clearVault() {
    return Vault.clearOnly(
        (d, recovery) -> Services.open(d, WallClock.system(), TestServices.FAST, recovery));
  }

  /** Rows per table (lower-case names), the migrations' history left out. */
  private static Map<String, Long> counts(Database db) {
    Map<String, Long> out = new TreeMap<>();
    DatabaseEncryption.rowCounts(db.dsl())
        .forEach((t, n) -> out.put(t.toLowerCase(Locale.ROOT), n));
    if (db.onServer()) {
      for (var r :
          db.dsl()
              .fetch(
                  "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                      + " current_schema() AND table_type = 'BASE TABLE'")) {
        String t = r.get(0, String.class);
        out.put(t, db.dsl().fetchSingle("SELECT COUNT(*) FROM \"" + t + "\"").get(0, Long.class));
      }
    }
    out.remove("flyway_schema_history");
    return out;
  }

  @Test
  void aClearInstallationMovesWithItsCountsDigestAuditAndSyncAndGoesOnOnTheServer() {
    seed();
    Cli.Result digest = Cli.runWith(dir, clearVault(), TestServices.ADMIN, PW, "sync", "digest");
    assertThat(digest.code()).as(digest.err()).isZero();
    Map<String, Long> before;
    long changeSeqBefore;
    Set<UUID> idsBefore;
    String stampBefore;
    try (Services s = embedded(dir)) {
      // an installation of long standing: its history ranks its migrations further than the
      // server's fresh one does (one row per release it went through)
      s.db()
          .dsl()
          .execute(
              "UPDATE \"flyway_schema_history\" SET \"installed_rank\" = \"installed_rank\" + 100");
      stampBefore = fr.passerelle.search.LuceneSearchIndex.schemaStamp(s.db().dsl());
      before = counts(s.db());
      changeSeqBefore = ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq();
      idsBefore = Set.copyOf(s.db().dsl().select(CANDIDATE.ID).from(CANDIDATE).fetch(CANDIDATE.ID));
    }
    assertThat(before.get("candidate")).isGreaterThan(300L);
    assertThat(before.get("meeting_participant")).isPositive();
    assertThat(before.get("job_offer")).isPositive();
    assertThat(before.get("training_path")).isPositive();
    assertThat(before.get("sourcing_list")).isPositive();
    assertThat(before.get("account")).isEqualTo(2L);
    assertThat(before.get("audit_entry")).isPositive();
    assertThat(before.get("peer")).isEqualTo(1L);

    Cli.Result m = migrate(clearVault(), PW + serverPassword() + "\n");
    assertThat(m.code()).as(m.err()).isZero();
    String hex = digest.out().lines().findFirst().orElseThrow();
    assertThat(m.out())
        .contains("sync digest, embedded: " + hex)
        .contains("sync digest, server:   " + hex)
        .contains("Recovery key, shown this once")
        .containsPattern("candidate\\s+" + String.format("%,d", before.get("candidate")) + "\\s+");
    if (!serverPassword().isEmpty() && !"passerelle".contains(serverPassword())) {
      assertThat(m.out() + m.err()).doesNotContain(serverPassword());
    }

    // the folder is switched: the server's descriptor and key slots, the H2 file moved aside
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isTrue();
    assertThat(Files.exists(KeySlots.file(dir))).isTrue();
    assertThat(Files.exists(dir.resolve("passerelle.mv.db"))).isFalse();
    assertThat(aside()).hasSize(1);
    assertThat(Files.exists(aside().get(0).resolve("passerelle.mv.db"))).isTrue();

    // the same digest, counted by the next command, signed in on the server
    Cli.Result after = Cli.runWith(dir, clearVault(), TestServices.ADMIN, PW, "sync", "digest");
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(after.out()).isEqualTo(digest.out());
    Cli.Result verify = Cli.runWith(dir, clearVault(), TestServices.ADMIN, PW, "audit", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Audit trail intact");
    Cli.Result again = migrate(clearVault(), PW + serverPassword() + "\n");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already on the office server").doesNotContain("Exception");

    // the other account's key slot was made from its stored hash: it signs in too
    Cli.Result passwd =
        Cli.runWith(
            dir,
            clearVault(),
            "cbernard",
            PW + "un autre mot de passe assez long\n",
            "accounts",
            "passwd");
    assertThat(passwd.code()).as(passwd.err()).isZero();
    Cli.Result counselor =
        Cli.runWith(
            dir,
            clearVault(),
            "cbernard",
            "un autre mot de passe assez long\n",
            "candidates",
            "search",
            "Durand");
    assertThat(counselor.code()).as(counselor.err()).isZero();
    assertThat(counselor.out()).contains("DURAND Léa");

    try (Vault.Opened o =
        clearVault().signIn(dir, TestServices.ADMIN, TestServices.PASSWORD.toCharArray(), "test")) {
      Services s = o.services();
      assertThat(s.db().onServer()).isTrue();
      // the folder's search index was built over the same schema: kept, not rebuilt
      assertThat(fr.passerelle.search.LuceneSearchIndex.schemaStamp(s.db().dsl()))
          .isEqualTo(stampBefore);
      Map<String, Long> onServer = counts(s.db());
      before.put("audit_entry", onServer.get("audit_entry")); // the sign-ins since are audited
      before.put("audit_head", onServer.get("audit_head"));
      // the key slots reach the server at the first opening after the move (ADR 0190)
      assertThat(onServer.get("key_slot")).isPositive();
      before.put("key_slot", onServer.get("key_slot"));
      assertThat(onServer).isEqualTo(before);
      UUID fresh = new Seed(s).candidate("Nouvelle", "Candidate");
      assertThat(idsBefore).doesNotContain(fresh);
      long seq =
          s.db()
              .dsl()
              .select(CANDIDATE.CHANGE_SEQ)
              .from(CANDIDATE)
              .where(CANDIDATE.ID.eq(fresh))
              .fetchOne(CANDIDATE.CHANGE_SEQ);
      assertThat(seq).isGreaterThan(changeSeqBefore);
      // an identity column (the sync log's) goes on past the copied values
      Long lastLog =
          s.db()
              .dsl()
              .select(org.jooq.impl.DSL.max(SYNC_LOG.ID))
              .from(SYNC_LOG)
              .fetchOne(0, Long.class);
      assertThat(lastLog).isNotNull();
      assertThat(s.sync().peers().all()).hasSize(1);
      s.sync().exporter().exportAll(exports(), false, Progress.NONE);
      assertThat(
              s.db()
                  .dsl()
                  .select(org.jooq.impl.DSL.max(SYNC_LOG.ID))
                  .from(SYNC_LOG)
                  .fetchOne(0, Long.class))
          .isGreaterThan(lastLog);
    }
  }

  /** {@code sync identity}: the replica id and the fingerprint of the keys, printed. */
  private Cli.Result identity() {
    Cli.Result r =
        Cli.runWith(
            dir,
            Cli.encrypting(),
            TestServices.ADMIN,
            PW,
            "sync",
            "identity",
            "--out",
            partner.resolve(UUID.randomUUID() + ".card").toString());
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private List<Path> aside() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(ServerMove.ASIDE_PREFIX))
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anEncryptedInstallationKeepsItsKeySlotsAndItsSealedSyncKeys() {
    seed();
    Cli.Result digest =
        Cli.runWith(dir, Cli.encrypting(), TestServices.ADMIN, PW, "sync", "digest");
    assertThat(digest.code()).as(digest.err()).isZero(); // encrypted at this first sign-in
    assertThat(Files.exists(KeySlots.file(dir))).isTrue();
    Cli.Result card = identity();

    Cli.Result m = migrate(Cli.encrypting(), PW + serverPassword() + "\n");
    assertThat(m.code()).as(m.err()).isZero();
    assertThat(m.out()).doesNotContain("Recovery key"); // the installation's slots open it
    assertThat(Files.exists(aside().get(0).resolve(Database.KEYS_FILE))).isTrue();

    Cli.Result after = Cli.runWith(dir, Cli.encrypting(), TestServices.ADMIN, PW, "sync", "digest");
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(after.out()).isEqualTo(digest.out());
    // the same replica and sync keys (partners need not trust the office again), now kept on
    // the server (ADR 0184)
    assertThat(OfficeServerCliTest.fingerprint(identity().out()))
        .isEqualTo(OfficeServerCliTest.fingerprint(card.out()))
        .isNotEmpty();
    try (Database db =
        Database.open(dir, OfficeServer.read(dir).orElseThrow().server(), TestServer.password())) {
      assertThat(db.dsl().fetchCount(db.dsl().selectFrom("sync_keys"))).isOne();
    }
    Cli.Result verify =
        Cli.runWith(dir, Cli.encrypting(), TestServices.ADMIN, PW, "audit", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void aDatabaseThatIsNotEmptyIsRefusedAndNothingChanges() {
    seed();
    TestServer.admin(database, "CREATE TABLE notes (id INT)");
    Cli.Result m = migrate(clearVault(), PW + serverPassword() + "\n");
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err())
        .contains("The database at " + TestServer.location(database) + " is not empty")
        .contains("notes")
        .doesNotContain("Exception");
    assertThat(Files.exists(dir.resolve("passerelle.mv.db"))).isTrue();
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isFalse();
    assertThat(aside()).isEmpty();
  }

  @Test
  void aWrongServerPasswordIsRefusedWithTheAddressAndNothingChanges() {
    assumeTrue(!serverPassword().isEmpty(), "the test server asks no password");
    seed();
    Cli.Result m = migrate(clearVault(), PW + "pas le bon mot de passe\n");
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err())
        .contains("Cannot open the office database at " + TestServer.location(database))
        .contains("or its password is refused")
        .doesNotContain("pas le bon")
        .doesNotContain("Exception");
    assertThat(Files.exists(dir.resolve("passerelle.mv.db"))).isTrue();
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isFalse();
  }

  @Test
  void aCopyThatDiffersIsRolledBackAndTheServersTablesAreRemoved() {
    OfficeServer server =
        OfficeServer.parse(TestServer.location(database), TestServer.server().user());
    try (Services s = embedded(dir);
        ServerCopy target = ServerCopy.claim(server, TestServer.password())) {
      Database.open(partner, server, TestServer.password()).close();
      // a "digest" that differs between the two databases: the check must refuse
      ServerCopy.Result r = target.copy(s.db(), dsl -> dsl.dialect().family().name());
      assertThat(r.before()).isEqualTo(r.after());
      assertThat(r.equal()).isFalse();
      target.undo();
    }
    // nothing left on the server: it is empty again, a move may claim it
    ServerCopy.claim(server, TestServer.password()).close();
  }
}
