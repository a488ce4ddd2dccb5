package fr.passerelle.accounts;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.PERMISSION;
import static fr.passerelle.db.jooq.Tables.ROLE_PERMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.AccessDeniedException;
import fr.passerelle.security.Permission;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServiceTest {
  @TempDir Path dir;
  Services s;

  @BeforeEach
  void open() {
    s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void thePermissionsOfTheCodeAndOfTheTablesAreTheSame() {
    assertThat(s.db().dsl().select(PERMISSION.CODE).from(PERMISSION).fetchSet(PERMISSION.CODE))
        .isEqualTo(Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet()));
    // the roles of the issue: administrator (accounts, settings, sync trust, funding rules),
    // counselor (candidates, meetings, lists, training), manager (dashboard, exports, read-only
    // files), read-only; health data for counselors only
    var roles =
        s.accounts().roles().stream()
            .collect(Collectors.toMap(RoleInfo::code, RoleInfo::permissions));
    assertThat(roles.get(Roles.ADMINISTRATOR))
        .contains(
            Permission.ACCOUNTS_MANAGE,
            Permission.SETTINGS_MANAGE,
            Permission.SYNC_TRUST,
            Permission.FUNDING_RULES_MANAGE)
        .doesNotContain(Permission.CANDIDATES_READ);
    assertThat(roles.get(Roles.COUNSELOR))
        .contains(
            Permission.CANDIDATES_WRITE,
            Permission.MEETINGS_WRITE,
            Permission.LISTS_WRITE,
            Permission.TRAINING_WRITE,
            Permission.SENSITIVE_READ)
        .doesNotContain(Permission.ACCOUNTS_MANAGE, Permission.DATA_EXPORT);
    assertThat(roles.get(Roles.MANAGER))
        .contains(Permission.DASHBOARD_READ, Permission.DATA_EXPORT, Permission.CANDIDATES_READ)
        .doesNotContain(Permission.CANDIDATES_WRITE, Permission.SENSITIVE_READ);
    assertThat(roles.get(Roles.READ_ONLY))
        .contains(Permission.CANDIDATES_READ)
        .doesNotContain(
            Permission.CANDIDATES_WRITE, Permission.SENSITIVE_READ, Permission.DATA_EXPORT);
  }

  @Test
  void rolesAreDataAGrantInTheTableGivesThePermission() {
    TestServices.as(s, "lecture", Roles.READ_ONLY);
    assertThat(s.access().has(Permission.DATA_EXPORT)).isFalse();
    s.db()
        .dsl()
        .insertInto(ROLE_PERMISSION)
        .set(ROLE_PERMISSION.ROLE_CODE, Roles.READ_ONLY)
        .set(ROLE_PERMISSION.PERMISSION_CODE, Permission.DATA_EXPORT.name())
        .execute();
    s.signIn().signIn("lecture", TestServices.PASSWORD.toCharArray());
    assertThat(s.access().has(Permission.DATA_EXPORT)).isTrue();
  }

  @Test
  void createsAnAccountLinkedToANewCounselorWithATemporaryPassword() {
    Account a =
        s.accounts()
            .create(
                new AccountDraft("lgarcia", "Léa", "Garcia", List.of(Roles.COUNSELOR), null, true),
                "une phrase pour commencer".toCharArray());
    assertThat(a.mustChange()).isTrue();
    assertThat(a.roles()).containsExactly(Roles.COUNSELOR);
    var counselor =
        s.db().dsl().selectFrom(COUNSELOR).where(COUNSELOR.ID.eq(a.counselorId())).fetchOne();
    assertThat(counselor.getLastName()).isEqualTo("Garcia");
    assertThat(counselor.getOfficeId()).isEqualTo(s.offices().current().orElseThrow().id());
    String hash =
        s.db()
            .dsl()
            .select(ACCOUNT.PASSWORD_HASH)
            .from(ACCOUNT)
            .where(ACCOUNT.ID.eq(a.id()))
            .fetchOne(0, String.class);
    assertThat(hash).startsWith("$argon2id$").doesNotContain("phrase");
    // what the account creates carries its counselor
    s.signIn().signIn("lgarcia", "une phrase pour commencer".toCharArray());
    assertThat(s.sourcing().defaultOwner()).contains(a.counselorId());
    assertThatThrownBy(
            () ->
                s.accounts()
                    .create(
                        new AccountDraft("x1", null, null, List.of(Roles.COUNSELOR), null, false),
                        "une phrase pour commencer".toCharArray()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void badInputIsRefusedAndNothingIsCreated() {
    int before = s.db().dsl().fetchCount(ACCOUNT);
    assertThatThrownBy(
            () ->
                s.accounts()
                    .create(
                        new AccountDraft(
                            "Bad Login!", null, null, List.of(Roles.COUNSELOR), null, false),
                        "une phrase pour commencer".toCharArray()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid");
    assertThatThrownBy(
            () ->
                s.accounts()
                    .create(
                        new AccountDraft(
                            "admin", null, null, List.of(Roles.COUNSELOR), null, false),
                        "une phrase pour commencer".toCharArray()))
        .hasMessageContaining("already taken");
    assertThatThrownBy(
            () ->
                s.accounts()
                    .create(
                        new AccountDraft("pdupont", null, null, List.of("CHIEF"), null, false),
                        "une phrase pour commencer".toCharArray()))
        .hasMessageContaining("CHIEF");
    assertThatThrownBy(
            () ->
                s.accounts()
                    .create(
                        new AccountDraft(
                            "pdupont", null, null, List.of(Roles.COUNSELOR), null, true),
                        "motdepasse".toCharArray()))
        .hasMessageContaining("refused");
    assertThat(s.db().dsl().fetchCount(ACCOUNT)).isEqualTo(before);
    assertThat(s.db().dsl().fetchCount(COUNSELOR)).isZero();
  }

  @Test
  void theLastAdministratorStaysAndCannotDisableItself() {
    UUID admin = s.accounts().byLogin(TestServices.ADMIN).id();
    assertThatThrownBy(() -> s.accounts().setRoles(admin, List.of(Roles.COUNSELOR)))
        .hasMessageContaining("last administrator");
    assertThatThrownBy(() -> s.accounts().setDisabled(admin, true))
        .hasMessageContaining("own account");
    Account other =
        s.accounts()
            .create(
                new AccountDraft("chef", null, null, List.of(Roles.ADMINISTRATOR), null, false),
                "une phrase pour commencer".toCharArray());
    s.accounts().setRoles(admin, List.of(Roles.COUNSELOR));
    // the signed-in account's own permissions follow at once
    assertThat(s.access().has(Permission.ACCOUNTS_MANAGE)).isFalse();
    assertThatThrownBy(() -> s.accounts().setDisabled(other.id(), true))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theFirstAdministratorIsCreatedOnce() {
    assertThatThrownBy(
            () ->
                s.accounts()
                    .createFirstAdministrator(
                        new AccountDraft("intrus", null, null, List.of(), null, false),
                        "une phrase pour commencer".toCharArray()))
        .hasMessageContaining("already has accounts");
  }

  @Test
  void theIdleLockIsAnAdministratorsSettingWithinBounds() {
    assertThat(s.accounts().idleLock()).isEqualTo(AccountService.DEFAULT_IDLE_LOCK);
    s.accounts().setIdleLock(Duration.ofMinutes(3));
    assertThat(s.accounts().idleLock()).isEqualTo(Duration.ofMinutes(3));
    assertThatThrownBy(() -> s.accounts().setIdleLock(Duration.ofHours(5)))
        .isInstanceOf(InvalidInputException.class);
    TestServices.as(s, "cmartin", Roles.COUNSELOR);
    assertThat(s.accounts().idleLock()).isEqualTo(Duration.ofMinutes(3));
    assertThatThrownBy(() -> s.accounts().setIdleLock(Duration.ofMinutes(30)))
        .isInstanceOf(AccessDeniedException.class);
  }
}
