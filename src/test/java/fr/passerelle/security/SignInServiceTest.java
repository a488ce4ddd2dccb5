package fr.passerelle.security;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInServiceTest {
  @TempDir Path dir;
  ManualClock clock = new ManualClock();
  Services s;

  @BeforeEach
  void open() {
    s = TestServices.open(dir, clock);
    TestServices.as(s, "cmartin", Roles.COUNSELOR);
    s.signIn().signOut();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private SignInException wrong() {
    try {
      s.signIn().signIn("cmartin", "not the right one at all".toCharArray());
    } catch (SignInException e) {
      return e;
    }
    throw new AssertionError("signed in with a wrong password");
  }

  @Test
  void signsInWithTheRightPasswordOnly() {
    SignInService.SignedIn in =
        s.signIn().signIn("  CMartin ", TestServices.PASSWORD.toCharArray());
    assertThat(in.principal().login()).isEqualTo("cmartin");
    assertThat(in.principal().permissions()).contains(Permission.CANDIDATES_READ);
    assertThat(in.principal().permissions()).doesNotContain(Permission.ACCOUNTS_MANAGE);
    assertThat(s.access().has(Permission.CANDIDATES_WRITE)).isTrue();
    s.signIn().signOut();
    assertThat(s.access().principal()).isEmpty();
    assertThat(wrong().refusal()).isEqualTo(Authenticator.Refusal.WRONG);
    assertThat(s.access().principal()).isEmpty();
  }

  @Test
  void theDelayGrowsThenTheAccountIsLockedForHalfAnHour() {
    assertThat(wrong().retryAt()).isNull();
    assertThat(wrong().retryAt()).isNull();
    SignInException third = wrong();
    assertThat(third.key()).contains("security.signIn.WRONG_WAIT");
    assertThat(third.retryAt()).isEqualTo(java.time.Instant.ofEpochMilli(clock.millis() + 5_000));
    // too soon: refused without even trying the password (the right one neither)
    assertThatThrownBy(() -> s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray()))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> assertThat(e.refusal()).isEqualTo(Authenticator.Refusal.WAIT));
    long[] waits = new long[7];
    for (int n = 3; n < SignInThrottle.LOCK_AFTER; n++) {
      clock.advanceMillis(10 * 60_000);
      SignInException e = wrong();
      if (n + 1 < SignInThrottle.LOCK_AFTER) {
        waits[n - 3] = e.retryAt().toEpochMilli() - clock.millis();
      } else {
        assertThat(e.refusal()).isEqualTo(Authenticator.Refusal.LOCKED);
        assertThat(e.retryAt().toEpochMilli() - clock.millis()).isEqualTo(30 * 60_000);
      }
    }
    assertThat(waits).startsWith(10_000, 20_000, 40_000, 80_000);
    clock.advanceMillis(29 * 60_000);
    assertThatThrownBy(() -> s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray()))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> assertThat(e.refusal()).isEqualTo(Authenticator.Refusal.LOCKED));
    clock.advanceMillis(2 * 60_000);
    s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray());
    assertThat(
            s.db()
                .dsl()
                .select(ACCOUNT.FAILED_COUNT)
                .from(ACCOUNT)
                .where(ACCOUNT.LOGIN.eq("cmartin"))
                .fetchOne(ACCOUNT.FAILED_COUNT))
        .isZero();
  }

  @Test
  void anAdministratorUnlocksAndResetsAForgottenPassword() {
    for (int i = 0; i < SignInThrottle.LOCK_AFTER; i++) {
      wrong();
      clock.advanceMillis(10 * 60_000);
    }
    TestServices.signInAdmin(s);
    var a = s.accounts().byLogin("cmartin");
    assertThat(a.lockedUntil()).isNotNull();
    s.accounts().resetPassword(a.id(), "un mot de passe provisoire".toCharArray());
    s.signIn().signOut();
    assertThat(wrong().refusal()).isEqualTo(Authenticator.Refusal.WRONG);
    SignInService.SignedIn in =
        s.signIn().signIn("cmartin", "un mot de passe provisoire".toCharArray());
    assertThat(in.mustChange()).isTrue();
    s.signIn()
        .changePassword(
            "un mot de passe provisoire".toCharArray(), "la mer monte vers midi".toCharArray());
    s.signIn().signOut();
    assertThat(s.signIn().signIn("cmartin", "la mer monte vers midi".toCharArray()).mustChange())
        .isFalse();
  }

  @Test
  void aDisabledAccountIsRefusedEvenWithItsPasswordAndItsLockedWindowSignsOut() {
    s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray());
    // an administrator disables it meanwhile (the window is locked)
    s.db()
        .dsl()
        .update(ACCOUNT)
        .set(ACCOUNT.DISABLED, true)
        .where(ACCOUNT.LOGIN.eq("cmartin"))
        .execute();
    assertThatThrownBy(() -> s.signIn().unlock(TestServices.PASSWORD.toCharArray()))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> assertThat(e.refusal()).isEqualTo(Authenticator.Refusal.DISABLED));
    assertThat(s.access().principal()).isEmpty();
    assertThatThrownBy(() -> s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray()))
        .hasMessageContaining("disabled");
  }

  @Test
  void anAccountDeletedWhileSignedInCannotUnlock() {
    s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray());
    s.db().dsl().deleteFrom(ACCOUNT).where(ACCOUNT.LOGIN.eq("cmartin")).execute();
    assertThatThrownBy(() -> s.signIn().unlock(TestServices.PASSWORD.toCharArray()))
        .isInstanceOf(SignInException.class);
    assertThat(s.access().principal()).isEmpty();
  }

  @Test
  void attemptsAreAuditedWithoutAnyPasswordOrUnknownLogin() {
    wrong();
    assertThatThrownBy(() -> s.signIn().signIn("correct horse battery staple", "x".toCharArray()))
        .isInstanceOf(SignInException.class);
    s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray());
    List<String> rows =
        s.db().dsl().selectFrom(AUDIT_ENTRY).fetch(r -> r.formatCSV(false)).stream().toList();
    assertThat(String.join("\n", rows))
        .doesNotContain("not the right one")
        .doesNotContain("correct horse")
        .contains("identifiant inconnu")
        .contains("SIGN_IN_FAILED")
        .contains("SIGN_IN");
  }

  @Test
  void changingAPasswordChecksTheCurrentOneAndTheRule() {
    s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray());
    assertThatThrownBy(
            () ->
                s.signIn()
                    .changePassword(TestServices.PASSWORD.toCharArray(), "court".toCharArray()))
        .hasMessageContaining("tooShort");
    assertThatThrownBy(
            () ->
                s.signIn()
                    .changePassword(
                        "pas le bon mot de passe".toCharArray(),
                        "la mer monte vers midi".toCharArray()))
        .isInstanceOf(SignInException.class);
    s.signIn()
        .changePassword(
            TestServices.PASSWORD.toCharArray(), "la mer monte vers midi".toCharArray());
    s.signIn().signOut();
    assertThatThrownBy(() -> s.signIn().signIn("cmartin", TestServices.PASSWORD.toCharArray()))
        .isInstanceOf(SignInException.class);
  }
}
