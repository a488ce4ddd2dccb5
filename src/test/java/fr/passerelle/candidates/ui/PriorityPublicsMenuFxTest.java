package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ticking several priority publics in the candidates' filters (#19): the menu stays open from one
 * tick to the next (a {@code CheckMenuItem} closed it at each tick: the counselor reopened it for
 * every public).
 */
@ExtendWith(FxTestExtension.class)
class PriorityPublicsMenuFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  CandidatesView view;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    tasks = new FxTaskRunner();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    view = new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1228, 688));
    stage.show();
    view.onShow();
  }

  @Test
  void tickingSeveralPublicsKeepsTheMenuOpen(FxRobot robot) {
    MenuButton menu = robot.lookup("#candidates-filter-criteria").queryAs(MenuButton.class);
    robot.clickOn(menu);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(menu.isShowing()).isTrue();

    robot.clickOn("Bénéficiaire du RSA");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(menu.isShowing()).as("the menu is still open after the first tick").isTrue();

    robot.clickOn("Résident QPV");
    robot.clickOn("Jeune de moins de 26 ans");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(menu.isShowing()).isTrue();
    assertThat(view.vm.criteria())
        .containsExactlyInAnyOrder(
            PriorityCriterion.RSA, PriorityCriterion.QPV, PriorityCriterion.YOUTH);
    assertThat(menu.getText()).isEqualTo("Publics prioritaires (3)");

    // a second click unticks; Esc closes the menu
    robot.clickOn("Résident QPV");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.vm.criteria())
        .containsExactlyInAnyOrder(PriorityCriterion.RSA, PriorityCriterion.YOUTH);
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(menu.isShowing()).isFalse();
  }
}
