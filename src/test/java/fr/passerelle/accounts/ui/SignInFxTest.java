package fr.passerelle.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.shell.AppController;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a set-up installation: the sign-in screen, a wrong password then the lock, the
 * shell of a counselor (no accounts screen), switch user, and the window locking itself when idle.
 */
@ExtendWith(FxTestExtension.class)
class SignInFxTest {
  @TempDir static Path dir;
  static final ManualClock clock = new ManualClock();
  Stage stage;
  AppController app;
  volatile Services opened;

  @BeforeAll
  static void data() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      TestServices.as(s, "cmartin", Roles.COUNSELOR);
      TestServices.as(s, "pdurand", Roles.COUNSELOR);
    }
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void close() throws Exception {
    if (app != null) {
      WaitForAsyncUtils.asyncFx(() -> app.close()).get();
    }
  }

  private void launch(Duration idle) throws Exception {
    try (Services s = TestServices.open(dir, clock)) {
      s.accounts().setIdleLock(idle);
    }
    WaitForAsyncUtils.asyncFx(
            () -> {
              javafx.application.Application.setUserAgentStylesheet(
                  new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
              app =
                  new AppController(
                      stage,
                      dir,
                      dir.resolve("logs/passerelle.log"),
                      (services, progress) -> null,
                      d -> opened = Services.open(d, clock, TestServices.FAST));
              app.onFatal(() -> {});
              app.start();
            })
        .get();
  }

  private static void waitFor(FxRobot robot, String query) throws Exception {
    // looked up on the FX thread: from the test's thread the lookup raced with the screens
    // changing (TestFX's NodeQueryUtils threw IndexOutOfBoundsException once in CI)
    waitUntil(
        () ->
            WaitForAsyncUtils.asyncFx(
                    () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false))
                .get());
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String text(FxRobot robot, String query) {
    try {
      return WaitForAsyncUtils.asyncFx(
              () -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void signIn(FxRobot robot, String login, String password) throws Exception {
    waitFor(robot, "#signin-login");
    robot.clickOn("#signin-login").eraseText(40).write(login);
    robot.clickOn("#signin-password").write(password).type(KeyCode.ENTER);
  }

  @Test
  void aWrongPasswordThenTheLock(FxRobot robot) throws Exception {
    launch(Duration.ofHours(1));
    signIn(robot, "pdurand", "pas le bon mot de passe");
    waitUntil(() -> text(robot, "#signin-error").equals("Identifiant ou mot de passe incorrect."));
    for (int n = 2; n <= 10; n++) {
      clock.advanceMillis(10 * 60_000);
      robot.clickOn("#signin-password").write("toujours pas le bon").type(KeyCode.ENTER);
      int tries = n;
      waitUntil(
          () ->
              tries < 3
                  ? robot.lookup("#signin-error").queryLabeled().getText().startsWith("Identifiant")
                  : tries < 10
                      ? text(robot, "#signin-error").contains("Prochain essai possible")
                      : text(robot, "#signin-error").startsWith("Compte bloqué"));
    }
    // the right password does not open a locked account either
    robot.clickOn("#signin-password").write(TestServices.PASSWORD).type(KeyCode.ENTER);
    waitUntil(() -> text(robot, "#signin-error").startsWith("Compte bloqué"));
    assertThat(robot.lookup("#nav-dashboard").tryQuery()).isEmpty();
    clock.advanceMillis(31 * 60_000);
    robot.clickOn("#signin-password").write(TestServices.PASSWORD).type(KeyCode.ENTER);
    waitFor(robot, "#nav-dashboard");
  }

  @Test
  void aCounselorSignsInWithoutTheAccountsScreenThenTheAdministratorHasIt(FxRobot robot)
      throws Exception {
    launch(Duration.ofHours(1));
    waitFor(robot, "#signin");
    assertThat(text(robot, ".title-2")).isEqualTo("Connexion");
    signIn(robot, "cmartin", TestServices.PASSWORD);
    waitFor(robot, "#nav-candidates");
    assertThat(robot.lookup("#nav-accounts").tryQuery()).isEmpty();
    assertThat(robot.lookup("#nav-audit").tryQuery()).isEmpty();
    assertThat(robot.lookup(".nav-entry").queryAll()).hasSize(7);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT8).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#accounts-view").tryQuery()).isEmpty();
    assertThat(text(robot, "#session")).isEqualTo("cmartin");
    // the views shown follow the installation's changes (office server)…
    robot.clickOn("#nav-candidates");
    robot.clickOn("#nav-offers");
    waitUntil(() -> opened.changes().subscribers() >= 3);

    java.lang.ref.WeakReference<Node> oldShell =
        new java.lang.ref.WeakReference<>(robot.lookup("#nav-candidates").query());

    robot.clickOn("#session").clickOn("#session-switch");
    // …until their shell is dropped: the signed-out user's views are no longer told (nor kept)
    waitFor(robot, "#signin-login");
    assertThat(opened.changes().subscribers()).isEqualTo(1);
    signIn(robot, TestServices.ADMIN, TestServices.PASSWORD);
    waitFor(robot, "#nav-accounts");
    // nothing that outlives a shell (the window's tasks, the change notices, a view's timer) keeps
    // the dropped one, its views and the previous user's rows (TestFX's own record of the events
    // fired, which holds their targets, forgotten first)
    fr.passerelle.testsupport.FxTestExtension.forgetFiredEvents();
    for (int i = 0; i < 20 && oldShell.get() != null; i++) {
      System.gc();
      Thread.sleep(100);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(oldShell.get()).as("the dropped shell, collected").isNull();
    robot.clickOn("#nav-accounts");
    waitUntil(
        () ->
            robot.lookup("#accounts-table").tryQuery().isPresent()
                && robot.lookup("#accounts-table").queryTableView().getItems().size() == 3);
  }

  @Test
  void theIdleWindowLocksItselfAndTheContentStaysHiddenUntilThePassword(FxRobot robot)
      throws Exception {
    launch(Duration.ofSeconds(3));
    signIn(robot, "cmartin", TestServices.PASSWORD);
    waitFor(robot, "#nav-candidates");
    // no keyboard or mouse for three seconds
    waitFor(robot, "#lock");
    assertThat(app.isLocked()).isTrue();
    assertThat(robot.lookup("#view-dashboard").tryQuery()).as("content hidden").isEmpty();
    assertThat(robot.lookup("#nav-candidates").tryQuery()).isEmpty();
    assertThat(text(robot, "#lock-user")).contains("cmartin");
    robot.clickOn("#lock-password").write("pas le bon mot de passe").type(KeyCode.ENTER);
    waitUntil(() -> text(robot, "#lock-error").startsWith("Identifiant ou mot de passe incorrect"));
    assertThat(robot.lookup("#view-dashboard").tryQuery()).isEmpty();
    robot.clickOn("#lock-password").write(TestServices.PASSWORD).type(KeyCode.ENTER);
    waitFor(robot, "#view-dashboard");
    assertThat(app.isLocked()).isFalse();
    // and Ctrl+L locks it at once
    robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
    waitFor(robot, "#lock");
  }
}
