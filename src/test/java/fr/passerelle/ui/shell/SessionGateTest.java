package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.SignInService;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start and the sign-in without the window ({@link SessionGate}): what the start finds,
 * the clear database sealed at the first sign-in with its recovery key shown once, the encrypted
 * one opened by a sign-in, a wrong password opening nothing.
 */
class SessionGateTest {
  @TempDir Path dir;
  final TestServices.ManualClock clock = new TestServices.ManualClock();
  final List<String> events = new ArrayList<>();

  final SessionGate.Events recorded =
      new SessionGate.Events() {
        @Override
        public void damaged(DatabaseDamagedException damage) {
          events.add("damaged");
        }

        @Override
        public void repairedAtOpen() {
          events.add("repaired");
        }
      };

  private Vault vault(boolean encrypts) {
    return new Vault(
        clock,
        TestServices.FAST,
        encrypts,
        (d, recovery) -> Services.open(d, clock, TestServices.FAST, recovery));
  }

  private void seed() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      TestServices.signInAdmin(s);
    }
  }

  private static char[] password() {
    return TestServices.PASSWORD.toCharArray();
  }

  @Test
  void aFreshFolderAsksForTheOfficeAndItsAdministrator() {
    try (SessionGate gate = new SessionGate(vault(true), dir.resolve("fresh"))) {
      SessionGate.Opened o = gate.openAtStart().orElseThrow();
      gate.use(o);
      assertThat(o.hasOffice()).isFalse();
      assertThat(o.hasAccount()).isFalse();
      assertThat(o.office()).isEmpty();
      assertThat(gate.services()).isSameAs(o.services());
    }
  }

  @Test
  void theFirstSignInSealsTheClearDatabaseAndItsRecoveryKeyIsShownOnce() {
    seed();
    try (SessionGate gate = new SessionGate(vault(true), dir)) {
      SessionGate.Opened o = gate.openAtStart().orElseThrow();
      gate.use(o);
      assertThat(o.hasAccount()).isTrue();
      assertThat(o.office()).isEqualTo("Agence Albi");
      assertThat(gate.services().keys().encrypted()).isFalse();

      SignInService.SignedIn s = gate.signIn(TestServices.ADMIN, password(), recorded);

      assertThat(s.principal().login()).isEqualTo(TestServices.ADMIN);
      assertThat(gate.services().keys().encrypted()).as("sealed at the first sign-in").isTrue();
      assertThat(gate.recoveryKeyToShow()).isTrue();
      assertThat(gate.takeRecoveryKey()).isNotNull();
      assertThat(gate.recoveryKeyToShow()).isFalse();
      assertThat(gate.takeRecoveryKey()).as("shown once").isNull();
    }
    try (SessionGate gate = new SessionGate(vault(true), dir)) {
      assertThat(gate.openAtStart()).as("an encrypted database waits for a sign-in").isEmpty();
      assertThat(gate.services()).isNull();

      SignInService.SignedIn s = gate.signIn(TestServices.ADMIN, password(), recorded);

      assertThat(s.principal().login()).isEqualTo(TestServices.ADMIN);
      assertThat(gate.services().keys().encrypted()).isTrue();
      assertThat(gate.takeRecoveryKey()).as("no new key: nothing was encrypted").isNull();
    }
    assertThat(events).isEmpty();
  }

  @Test
  void aClearVaultKeepsTheDatabaseClear() {
    seed();
    try (SessionGate gate = new SessionGate(vault(false), dir)) {
      gate.use(gate.openAtStart().orElseThrow());
      gate.signIn(TestServices.ADMIN, password(), recorded);
      assertThat(gate.services().keys().encrypted()).isFalse();
      assertThat(gate.recoveryKeyToShow()).isFalse();
    }
  }

  @Test
  void aWrongPasswordOpensNothing() {
    seed();
    try (SessionGate gate = new SessionGate(vault(true), dir)) {
      gate.use(gate.openAtStart().orElseThrow());
      gate.signIn(TestServices.ADMIN, password(), recorded);
    }
    try (SessionGate gate = new SessionGate(vault(true), dir)) {
      assertThat(gate.openAtStart()).isEmpty();
      assertThatThrownBy(
              () -> gate.signIn(TestServices.ADMIN, "not the password".toCharArray(), recorded))
          .isInstanceOf(RuntimeException.class);
      assertThat(gate.services()).as("nothing opened").isNull();
    }
  }
}
