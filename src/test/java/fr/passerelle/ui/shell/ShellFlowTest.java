package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.ui.Languages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The path a counselor takes on a fresh installation: setup dialog → the encrypted database's
 * recovery key, shown once → shell → every navigation entry (mouse and Ctrl+n) → switch to English,
 * with the real application controller and database.
 */
@ExtendWith(FxTestExtension.class)
class ShellFlowTest {
  private static final List<String> IDS =
      List.of("dashboard", "meetings", "candidates", "offers", "lists", "training", "sync");

  @TempDir static Path dir;
  private final AtomicInteger demoRuns = new AtomicInteger();
  private AppController app;

  @Start
  void start(Stage stage) {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    app =
        new AppController(
            stage,
            dir,
            dir.resolve("logs/passerelle.log"),
            (services, progress) -> {
              demoRuns.incrementAndGet();
              throw new UnsupportedOperationException("demo data: not yet implemented");
            },
            fastVault());
    app.onFatal(() -> {});
    app.start();
    // the suite shares one headless stage: an earlier test may have moved it off the screen
    stage.setX(0);
    stage.setY(0);
  }

  /** The application's vault (it encrypts), with cheap Argon2id parameters. */
  static fr.passerelle.app.Vault fastVault() {
    return new fr.passerelle.app.Vault(
        fr.passerelle.db.WallClock.system(),
        fr.passerelle.testsupport.TestServices.FAST,
        true,
        (d, recovery) ->
            fr.passerelle.app.Services.open(
                d,
                fr.passerelle.db.WallClock.system(),
                fr.passerelle.testsupport.TestServices.FAST,
                recovery));
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> app.close()).get();
  }

  private static void waitFor(FxRobot robot, String query) throws Exception {
    WaitForAsyncUtils.waitFor(
        180, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }

  @Test
  void setupThenEveryEntryThenEnglish(FxRobot robot) throws Exception {
    waitFor(robot, "#setup-name");
    WaitForAsyncUtils.waitForFxEvents();
    TextField organisation = robot.lookup("#setup-organisation").queryAs(TextField.class);
    assertThat(organisation.getText()).isEqualTo("France Travail");
    assertThat(robot.lookup("#setup-save").queryButton().isDisabled()).isTrue();
    assertThat(robot.lookup("#setup-why").queryLabeled().getText())
        .isEqualTo("Indiquez le nom de l'agence pour commencer.");

    robot.clickOn("#setup-name").write("Agence intérim Albi");
    robot.clickOn("#setup-kind-TEMP_AGENCY");
    assertThat(organisation.getText()).isEqualTo("Agence intérim Albi");
    robot.clickOn("#setup-demo");
    // the first administrator: name, login prefilled, a passphrase twice
    robot.clickOn("#setup-admin-first").write("Camille");
    robot.clickOn("#setup-admin-last").write("Martin");
    assertThat(robot.lookup("#setup-admin-login").queryAs(TextField.class).getText())
        .isEqualTo("cmartin");
    robot.clickOn("#setup-admin-password").write("court");
    assertThat(robot.lookup("#setup-why").queryLabeled().getText()).startsWith("Trop court");
    assertThat(robot.lookup("#setup-save").queryButton().isDisabled()).isTrue();
    robot.clickOn("#setup-admin-password").eraseText(5).write("le vieux port sous la pluie");
    robot.clickOn("#setup-admin-confirm").write("le vieux port sous la pluie");
    robot.clickOn("#setup-save");

    // the database is now encrypted: its recovery key, shown once, confirmed before going on
    WaitForAsyncUtils.waitFor(
        180,
        TimeUnit.SECONDS,
        () -> {
          String error = label(robot, "#setup-error");
          assertThat(error).as("the set-up failed").isEmpty();
          return robot.lookup("#recovery-key").tryQuery().isPresent();
        });
    assertThat(label(robot, "#recovery-key")).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
    assertThat(robot.lookup("#recovery-continue").queryButton().isDisabled()).isTrue();
    assertThat(java.nio.file.Files.exists(dir.resolve("passerelle.keys"))).isTrue();
    robot.clickOn("#recovery-written");
    robot.clickOn("#recovery-continue");

    waitFor(robot, "#nav-dashboard");
    waitUntil(() -> "Agence intérim Albi".equals(label(robot, "#top-office")));
    assertThat(label(robot, "#session")).isEqualTo("Camille Martin");
    assertThat(app.services().access().principal().orElseThrow().login()).isEqualTo("cmartin");
    assertThat(app.services().offices().current().orElseThrow().kind())
        .isEqualTo(OfficeKind.TEMP_AGENCY);
    waitUntil(() -> demoRuns.get() == 1 && app.lastNotice().contains("pas encore disponibles"));
    // the status bar is filled in the background (and read here off the FX thread): wait for it
    waitUntil(() -> label(robot, "#status-database").contains(dir.toString()));
    waitUntil(() -> label(robot, "#status-sync").equals("Dernière synchro : jamais"));
    assertThat(label(robot, "#nav-candidates")).isEqualTo("Candidats");

    for (String id : IDS) {
      robot.clickOn("#nav-" + id);
      assertShown(robot, id);
    }
    for (int i = IDS.size() - 1; i >= 0; i--) {
      robot
          .press(KeyCode.CONTROL)
          .type(KeyCode.valueOf("DIGIT" + (i + 1)))
          .release(KeyCode.CONTROL);
      assertShown(robot, IDS.get(i));
    }

    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
    assertShown(robot, "candidates");
    robot.clickOn("#settings");
    robot.clickOn("English");
    waitUntil(() -> "Candidates".equals(label(robot, "#nav-candidates")));
    assertThat(label(robot, "#nav-offers")).isEqualTo("Offers & occupations");
    assertShown(robot, "candidates");
    waitUntil(() -> label(robot, "#status-sync").equals("Last sync: never"));
    assertThat(app.services().settings().get(Languages.SETTING)).contains("en");
  }

  private static String label(FxRobot robot, String query) {
    return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
  }

  private static void assertShown(FxRobot robot, String id) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    waitUntil(
        () -> {
          Node view = robot.lookup("#view-" + id).tryQuery().orElse(null);
          return view != null && view.getScene() != null && view.isVisible();
        });
    ToggleButton entry = robot.lookup("#nav-" + id).queryAs(ToggleButton.class);
    assertThat(entry.isSelected()).as("%s highlighted", id).isTrue();
    assertThat(robot.lookup(".nav-entry").queryAllAs(ToggleButton.class))
        .filteredOn(ToggleButton::isSelected)
        .hasSize(1);
  }
}
