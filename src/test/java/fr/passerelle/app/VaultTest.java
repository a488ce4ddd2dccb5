package fr.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.accounts.Roles;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.crypto.DatabaseEncryption;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.search.IndexBytes;
import fr.passerelle.search.Kind;
import fr.passerelle.search.LuceneSearchIndex;
import fr.passerelle.search.SearchHit;
import fr.passerelle.search.SearchService;
import fr.passerelle.security.Authenticator;
import fr.passerelle.security.SignInException;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.security.keys.RecoveryKey;
import fr.passerelle.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The encrypted database (issue 14, ADR 0110): a clear installation converted at its first sign-in,
 * opened by every account's password and by the recovery key, unreadable without them; slots kept
 * in step with the accounts; a conversion interrupted at any step leaves a usable database.
 */
class VaultTest {
  static final String NAME = "Quennevilliers";
  static final char[] PW = TestServices.PASSWORD.toCharArray();
  @TempDir Path dir;
  final TestServices.ManualClock clock = new TestServices.ManualClock();
  Vault vault;

  @BeforeEach
  void seed() {
    vault =
        new Vault(
            clock,
            TestServices.FAST,
            true,
            (d, recovery) -> Services.open(d, clock, TestServices.FAST, recovery));
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      TestServices.as(s, "cmartin", Roles.COUNSELOR);
      s.candidates().save(candidate(), null);
      TestServices.signInAdmin(s);
    }
  }

  static CandidateDetail candidate() {
    return new CandidateDetail(
        null,
        null,
        NAME,
        "Hélène",
        LocalDate.of(1990, 3, 14),
        "",
        "",
        "",
        "81004",
        null,
        10,
        false,
        null,
        CandidateStatus.ACTIVE,
        null,
        "",
        List.of(),
        List.of(),
        new CandidateDetail.Consent(true, null, false, null, null));
  }

  private Path mvDb() {
    return dir.resolve(Database.FILE_NAME + ".mv.db");
  }

  private boolean fileHolds(String text) throws Exception {
    return holds(Files.readAllBytes(mvDb()), text);
  }

  /** True when {@code text} (UTF-8) stands anywhere in {@code all}. */
  static boolean holds(byte[] all, String text) {
    return IndexBytes.indexOf(all, text.getBytes(StandardCharsets.UTF_8)) >= 0;
  }

  private Vault.Opened signIn(String login, String pw) {
    return vault.signIn(dir, login, pw.toCharArray(), "test");
  }

  @Test
  void aClearDatabaseIsEncryptedAtTheFirstSignInAndUnreadableWithoutItsKey() throws Exception {
    assertThat(fileHolds(NAME)).as("the clear file shows the name").isTrue();
    Map<String, Long> before;
    try (Services s = TestServices.open(dir, clock)) {
      before = DatabaseEncryption.rowCounts(s.db().dsl());
    }

    try (Vault.Opened o = open(TestServices.ADMIN)) {
      assertThat(o.recoveryKey()).as("an administrator converted: the recovery key").isNotNull();
      assertThat(o.services().keys().encrypted()).isTrue();
      Map<String, Long> after = DatabaseEncryption.rowCounts(o.services().db().dsl());
      // the sign-ins of the conversion are recorded in the audit trail
      after.remove("AUDIT_ENTRY");
      before.remove("AUDIT_ENTRY");
      assertThat(after).isEqualTo(before);
      assertThat(
              o.services()
                  .candidateSearch()
                  .search(fr.passerelle.candidates.CandidateQuery.text(NAME), 0, 10))
          .isNotEmpty();
    }
    assertThat(Files.exists(KeySlots.file(dir))).isTrue();
    assertThat(fileHolds(NAME)).as("no name in the encrypted file").isFalse();
    assertThat(fileHolds("Hélène")).isFalse();
    Path index = dir.resolve(LuceneSearchIndex.FOLDER);
    assertThat(Files.exists(index) && IndexBytes.anyHolds(index, NAME))
        .as("no clear index")
        .isFalse();
    assertThat(dir.toFile().list()).doesNotContain("encrypting", "passerelle.keys.new");

    String url = "jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + ";IFEXISTS=TRUE";
    assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () -> DriverManager.getConnection(url + ";CIPHER=AES", "sa", "guess ").close())
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> Database.open(dir))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("is encrypted");
  }

  /**
   * The index of the encrypted installation lives in its folder, encrypted (ADR 0171): the clear
   * one is deleted at the conversion, the encrypted one built once, then reopened at each start.
   */
  @Test
  void itsSearchIndexIsKeptEncryptedAndReopenedNotRebuilt() throws Exception {
    Path index = dir.resolve(LuceneSearchIndex.FOLDER);
    try (Services s = TestServices.open(dir, clock)) {
      s.search().catchUp(Progress.NONE);
    }
    assertThat(IndexBytes.anyHolds(index, NAME)).as("the clear index shows the name").isTrue();

    try (Vault.Opened o = open(TestServices.ADMIN)) {
      assertThat(o.services().search().catchUp(Progress.NONE)).as("built once").isPositive();
    }
    assertThat(IndexBytes.anyHolds(index, NAME)).as("a name in the index files").isFalse();
    assertThat(IndexBytes.anyHolds(index, "Hélène")).isFalse();

    try (Vault.Opened o = open(TestServices.ADMIN)) {
      SearchService search = o.services().search();
      assertThat(search.catchUp(Progress.NONE)).as("reopened, not rebuilt").isZero();
      assertThat(search.find(Kind.CANDIDATE, "quennevilliers", 10).orElseThrow())
          .extracting(SearchHit::title)
          .containsExactly("QUENNEVILLIERS Hélène");
    }
  }

  /** An {@link Vault.Opened} that closes its services. */
  private Vault.Opened open(String login) {
    return signIn(login, TestServices.PASSWORD);
  }

  @Test
  void everyAccountOpensItAndTheConvertedSlotsAreRenewed() {
    open(TestServices.ADMIN).close();
    KeySlots.Slot converted = slot("cmartin");
    assertThat(converted.renew()).as("wrapped from the stored hash").isTrue();
    try (Vault.Opened o = open("cmartin")) {
      assertThat(o.signedIn().principal().login()).isEqualTo("cmartin");
      assertThat(o.recoveryKey()).isNull();
    }
    KeySlots.Slot renewed = slot("cmartin");
    assertThat(renewed.renew()).isFalse();
    assertThat(renewed.salt()).isNotEqualTo(converted.salt());
    open("cmartin").close();
    open(TestServices.ADMIN).close();
  }

  @Test
  void aWrongPasswordOrLoginIsRefusedAndChangesNothingButTheCount() throws Exception {
    open(TestServices.ADMIN).close();
    byte[] db = Files.readAllBytes(mvDb());
    assertThatThrownBy(() -> signIn(TestServices.ADMIN, "not the password at all"))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> assertThat(e.refusal()).isEqualTo(Authenticator.Refusal.WRONG))
        .hasMessageContaining("Wrong login or password");
    assertThatThrownBy(() -> signIn("nobody", TestServices.PASSWORD))
        .isInstanceOf(SignInException.class)
        .hasMessageContaining("Wrong login or password");
    assertThat(Files.readAllBytes(mvDb())).isEqualTo(db);
    assertThat(slot(TestServices.ADMIN).failures()).isEqualTo(1);
    open(TestServices.ADMIN).close();
    assertThat(slot(TestServices.ADMIN).failures()).isZero();
  }

  @Test
  void theThrottleAppliesBeforeTheDatabaseOpens() {
    open(TestServices.ADMIN).close();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> signIn("cmartin", "wrong wrong wrong wrong"))
          .isInstanceOf(SignInException.class);
    }
    assertThatThrownBy(() -> open("cmartin"))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> assertThat(e.refusal()).isEqualTo(Authenticator.Refusal.WAIT));
    clock.advanceMillis(60_000);
    open("cmartin").close();
  }

  @Test
  void aPasswordChangeRewrapsOneSlot() {
    open(TestServices.ADMIN).close();
    KeySlots.Slot cm = slot("cmartin");
    String fresh = "un nouveau mot de passe bien long";
    try (Vault.Opened o = open(TestServices.ADMIN)) {
      o.services().signIn().changePassword(PW, fresh.toCharArray());
    }
    assertThat(slot("cmartin").wrapped())
        .as("another account's slot untouched")
        .isEqualTo(cm.wrapped());
    assertThatThrownBy(() -> open(TestServices.ADMIN)).isInstanceOf(SignInException.class);
    signIn(TestServices.ADMIN, fresh).close();
  }

  @Test
  void accountsCreatedDisabledAndResetKeepTheirSlotsInStep() {
    open(TestServices.ADMIN).close();
    java.util.UUID cm;
    try (Vault.Opened o = open(TestServices.ADMIN)) {
      Services s = o.services();
      s.accounts()
          .create(
              new AccountDraft("pdurand", null, null, List.of(Roles.COUNSELOR), null, false), PW);
      cm = s.accounts().byLogin("cmartin").id();
      s.accounts().setDisabled(cm, true);
    }
    open("pdurand").close();
    assertThatThrownBy(() -> open("cmartin"))
        .as("a disabled account's password no longer opens the file")
        .isInstanceOf(SignInException.class);
    try (Vault.Opened o = open(TestServices.ADMIN)) {
      Services s = o.services();
      assertThatThrownBy(() -> s.accounts().setDisabled(cm, false))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("reset its password");
      s.accounts().resetPassword(cm, "un mot de passe provisoire".toCharArray());
      s.accounts().setDisabled(cm, false);
    }
    signIn("cmartin", "un mot de passe provisoire").close();
  }

  @Test
  void theRecoveryKeyOpensItAndAWrongOneChangesNothing() throws Exception {
    RecoveryKey key;
    try (Vault.Opened o = open(TestServices.ADMIN)) {
      key = o.recoveryKey();
    }
    String shown = key.display();
    assertThat(shown).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
    byte[] slots = Files.readAllBytes(KeySlots.file(dir));
    RecoveryKey wrong = RecoveryKey.random();
    assertThatThrownBy(() -> vault.recover(dir, wrong))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not open");
    assertThatThrownBy(() -> RecoveryKey.parse("ABCD-EFGH".toCharArray()))
        .hasMessageContaining("eight groups of four");
    assertThatThrownBy(() -> RecoveryKey.parse((shown.substring(1) + "!").toCharArray()))
        .hasMessageContaining("\"!\"");
    assertThat(Files.readAllBytes(KeySlots.file(dir))).isEqualTo(slots);
    try (Services s =
        vault.recover(
            dir, RecoveryKey.parse(shown.toLowerCase().replace("-", " ").toCharArray()))) {
      assertThat(s.signIn().noAccountYet()).isFalse();
      assertThat(s.access().principal()).isEmpty();
    }
  }

  /** A kill, which no catch clause of the conversion sees. */
  static final class Killed extends Error {}

  @ParameterizedTest
  @EnumSource(DatabaseEncryption.Step.class)
  void aConversionKilledAtAnyStepLeavesAUsableDatabase(DatabaseEncryption.Step step)
      throws Exception {
    Map<String, Long> before;
    try (Services s = TestServices.open(dir, clock)) {
      before = new java.util.TreeMap<>(DatabaseEncryption.rowCounts(s.db().dsl()));
    }
    vault.onStep(
        s -> {
          if (s == step) {
            throw new Killed();
          }
        });
    assertThatThrownBy(() -> open(TestServices.ADMIN)).isInstanceOf(Killed.class);
    vault.onStep(s -> {});

    boolean committed = step == DatabaseEncryption.Step.COMMITTED;
    assertThat(vault.encrypted(dir)).isEqualTo(committed);
    assertThat(dir.toFile().list())
        .doesNotContain(
            "encrypting", "passerelle.keys.new", "passerelle.mv.db.clear-before-encryption");
    if (!committed) {
      assertThat(fileHolds(NAME)).as("the clear database is back").isTrue();
      try (Services s = TestServices.open(dir, clock)) {
        Map<String, Long> after = DatabaseEncryption.rowCounts(s.db().dsl());
        // the attempt's sign-in was recorded in the audit trail before the conversion began
        after.remove("AUDIT_ENTRY");
        before.remove("AUDIT_ENTRY");
        assertThat(after).isEqualTo(before);
      }
    }
    try (Vault.Opened o = open(TestServices.ADMIN)) {
      assertThat(o.services().keys().encrypted()).isTrue();
      assertThat(DatabaseEncryption.rowCounts(o.services().db().dsl()))
          .containsAllEntriesOf(Map.of("CANDIDATE", before.get("CANDIDATE")));
    }
    assertThat(fileHolds(NAME)).isFalse();
  }

  @Test
  void aDamagedKeyFileIsNamed() throws Exception {
    open(TestServices.ADMIN).close();
    Files.writeString(KeySlots.file(dir), "{\"format\":1,\"slots\":[{\"kind\":\"ACCOUNT\"}]}");
    assertThatThrownBy(() -> open(TestServices.ADMIN))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("passerelle.keys")
        .hasMessageContaining("slots[0]");
  }

  private KeySlots.Slot slot(String login) {
    return KeySlots.read(KeySlots.file(dir)).slots().stream()
        .filter(s -> login.equals(s.login()))
        .findFirst()
        .orElseThrow();
  }
}
