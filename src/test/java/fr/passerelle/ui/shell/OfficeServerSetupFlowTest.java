package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.db.OfficeServer;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-start window on the office server (issue 15, ADR 0190), in a 1366×768 window with the
 * real controller: "Sur le serveur de l'agence" chosen, the fields filled, "Tester la connexion"
 * said in French (an unreachable server with its address); against the PostgreSQL test server, the
 * whole set-up: the office and its administrator created there, the recovery key, the shell, and
 * the data folder holding the descriptor and the key slots but no embedded database. The screens
 * are written to {@code target/screenshots/} (docs/screenshots keeps two of them).
 */
@ExtendWith(FxTestExtension.class)
class OfficeServerSetupFlowTest {
  @TempDir Path dir;
  @TempDir Path firstWorkstation;
  private AppController app;
  private Stage stage;
  private String database;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    app =
        new AppController(
            stage,
            dir,
            dir.resolve("logs/passerelle.log"),
            (services, progress) -> {
              throw new UnsupportedOperationException("no demo data here");
            },
            ShellFlowTest.fastVault());
    app.onFatal(() -> {});
    app.start();
    stage.setMaximized(false);
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1366);
    stage.setHeight(768);
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> app.close()).get();
    if (database != null) {
      TestServer.dropDatabase(database);
    }
  }

  private static void waitFor(FxRobot robot, String query) throws Exception {
    WaitForAsyncUtils.waitFor(
        180, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
  }

  private static String label(FxRobot robot, String query) {
    return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
  }

  /** True when {@code n} and all its parents are visible. */
  private static boolean shown(javafx.scene.Node n) {
    for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
      if (!x.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private void shot(String name) throws Exception {
    Path out = Files.createDirectories(Path.of("target", "screenshots"));
    var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name).toFile());
  }

  private void fillServer(FxRobot robot, String address, String user, String password) {
    robot.clickOn("#setup-where-SERVER");
    robot.clickOn("#setup-server-address").write(address);
    robot.clickOn("#setup-server-user").write(user);
    robot.clickOn("#setup-server-password").write(password);
  }

  private void fillOffice(FxRobot robot) {
    robot.clickOn("#setup-name").write("Agence France Travail Albi");
    robot.clickOn("#setup-admin-first").write("Camille");
    robot.clickOn("#setup-admin-last").write("Martin");
    robot.clickOn("#setup-admin-password").write("le vieux port sous la pluie");
    robot.clickOn("#setup-admin-confirm").write("le vieux port sous la pluie");
  }

  @Test
  void anUnreachableServerIsSaidWithItsAddressAndTheWholeFormFits(FxRobot robot) throws Exception {
    waitFor(robot, "#setup-where-SERVER");
    assertThat(shown(robot.lookup("#setup-server-address").query()))
        .as("the server's fields show only when it is chosen")
        .isFalse();
    fillOffice(robot);
    fillServer(robot, "postgresql://127.0.0.1:1/passerelle", "passerelle", "secret");
    assertThat(shown(robot.lookup("#setup-server-address").query())).isTrue();
    robot.clickOn("#setup-server-test");
    WaitForAsyncUtils.waitFor(
        180, TimeUnit.SECONDS, () -> label(robot, "#setup-server-result").contains("ne répond"));
    assertThat(label(robot, "#setup-server-result"))
        .isEqualTo(
            "Le serveur postgresql://127.0.0.1:1/passerelle ne répond pas : est-il démarré,"
                + " l'adresse est-elle juste, le réseau fonctionne-t-il ?");
    // at 1366×768 the whole form fits, the server's part shown: no scrolling, nothing cut
    assertThat(robot.lookup(".setup-card").query().getBoundsInParent().getHeight())
        .isLessThanOrEqualTo(stage.getScene().getHeight());
    assertThat(shown(robot.lookup("#setup-demo").query()))
        .as("no demo data in the office's shared database")
        .isFalse();
    shot("setup-server-unreachable-1366.png");
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isFalse();
  }

  @Test
  void theOfficeIsSetUpOnTheServerFromTheWindow(FxRobot robot) throws Exception {
    assumeTrue(TestServer.configured(), "no PostgreSQL server named (" + TestServer.LOCATION + ")");
    database = TestServer.createDatabase();
    char[] pw = TestServer.password();
    waitFor(robot, "#setup-where-SERVER");
    fillOffice(robot);
    fillServer(
        robot,
        TestServer.location(database),
        TestServer.server().user(),
        pw == null ? "" : new String(pw));
    robot.clickOn("#setup-server-test");
    WaitForAsyncUtils.waitFor(
        180, TimeUnit.SECONDS, () -> label(robot, "#setup-server-result").contains("réussie"));
    assertThat(label(robot, "#setup-server-result"))
        .isEqualTo(
            "Connexion réussie : la base "
                + TestServer.location(database)
                + " est vide, prête pour l'agence.");
    shot("setup-server-chosen-1366.png");
    robot.clickOn("#setup-save");
    WaitForAsyncUtils.waitFor(
        180,
        TimeUnit.SECONDS,
        () -> {
          assertThat(label(robot, "#setup-error")).as("the set-up failed").isEmpty();
          return robot.lookup("#recovery-key").tryQuery().isPresent();
        });
    robot.clickOn("#recovery-written");
    robot.clickOn("#recovery-continue");
    waitFor(robot, "#nav-dashboard");
    assertThat(app.services().db().server()).isPresent();
    assertThat(app.services().access().principal().orElseThrow().login()).isEqualTo("cmartin");
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isTrue();
    assertThat(Files.exists(dir.resolve("passerelle.keys"))).isTrue();
    assertThat(Files.exists(dir.resolve("passerelle.mv.db")))
        .as("the empty embedded database of the start is gone")
        .isFalse();
    if (pw != null) {
      assertThat(Files.readString(dir.resolve(OfficeServer.FILE)))
          .doesNotContain("password=" + new String(pw));
    }
  }

  @Test
  void aSecondWorkstationJoinsTheOfficeFromTheWindow(FxRobot robot) throws Exception {
    assumeTrue(TestServer.configured(), "no PostgreSQL server named (" + TestServer.LOCATION + ")");
    database = TestServer.createDatabase();
    char[] pw = TestServer.password();
    String serverPassword = pw == null ? "" : new String(pw);
    // the office set up on the server from a first workstation
    Cli.Result init =
        Cli.runWith(
            firstWorkstation,
            Cli.encrypting(),
            TestServices.ADMIN,
            serverPassword + "\n" + TestServices.PASSWORD + "\n",
            "init",
            "--office-name",
            "Agence France Travail Albi",
            "--office-kind",
            "FRANCE_TRAVAIL",
            "--database",
            TestServer.location(database),
            "--db-user",
            TestServer.server().user());
    assertThat(init.code()).as(init.err()).isZero();

    waitFor(robot, "#setup-where-SERVER");
    fillServer(robot, TestServer.location(database), TestServer.server().user(), serverPassword);
    robot.clickOn("#setup-server-test");
    WaitForAsyncUtils.waitFor(
        180, TimeUnit.SECONDS, () -> label(robot, "#setup-server-result").contains("réussie"));
    assertThat(label(robot, "#setup-server-result")).contains("Ce poste peut la rejoindre");
    assertThat(shown(robot.lookup("#setup-name").query()))
        .as("nothing of a new office is asked")
        .isFalse();
    assertThat(label(robot, "#setup-save")).isEqualTo("_Rejoindre l'agence");
    assertThat(robot.lookup("#setup-save").query().isDisabled()).as("no account yet").isTrue();
    assertThat(label(robot, "#setup-why")).isEqualTo("Indiquez votre identifiant à l'agence.");
    robot.clickOn("#setup-join-login").write(TestServices.ADMIN);
    robot.clickOn("#setup-join-password").write("pas le bon mot de passe");
    shot("setup-server-join-1366.png");
    robot.clickOn("#setup-save");
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !label(robot, "#setup-error").isEmpty());
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE)))
        .as("a wrong password: nothing written")
        .isFalse();
    assertThat(Files.exists(dir.resolve("passerelle.keys"))).isFalse();

    robot.interact(() -> robot.lookup("#setup-join-password").queryAs(PasswordField.class).clear());
    robot.clickOn("#setup-join-password").write(TestServices.PASSWORD);
    robot.clickOn("#setup-save");
    waitFor(robot, "#nav-dashboard");
    assertThat(app.services().db().server()).isPresent();
    assertThat(app.services().access().principal().orElseThrow().login())
        .isEqualTo(TestServices.ADMIN);
    assertThat(app.services().offices().current().orElseThrow().name())
        .isEqualTo("Agence France Travail Albi");
    assertThat(Files.exists(dir.resolve(OfficeServer.FILE))).isTrue();
    assertThat(Files.exists(dir.resolve("passerelle.keys"))).isTrue();
    assertThat(Files.exists(dir.resolve("passerelle.mv.db")))
        .as("the empty embedded database of the start is gone")
        .isFalse();
  }
}
