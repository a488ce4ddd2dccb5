package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The candidate form's dialog flow when a colleague saved the file meanwhile (ADR 0177): the save
 * is refused, the dialog names her and the time, Comparer shows the fields that differ, her phone
 * is taken and the counselor's e-mail kept, and the second save goes through.
 */
@ExtendWith(FxTestExtension.class)
class CandidateConflictFxTest {
  @TempDir Path dir;
  private final TestServices.ManualClock clock = new TestServices.ManualClock();
  private Services services;
  private FxTaskRunner tasks;
  private CandidatesView view;
  private UUID id;

  @Start
  void start(Stage stage) {
    services = TestServices.open(dir.resolve("office"), clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Colleague.create(services);
    id =
        services
            .candidates()
            .save(CandidatesViewModelTest.person("Lefèvre", "Julien", "31555"), null)
            .id();
    tasks = new FxTaskRunner();
    view = new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1366, 768));
    stage.show();
    view.onShow();
  }

  @AfterEach
  void close() {
    tasks.close();
    services.close();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void refusedThenComparedThenSavedOnTheColleaguesVersion(FxRobot robot) throws Exception {
    robot.interact(() -> view.detailVm.open(id, () -> {}));
    waitUntil(() -> view.detailVm.loaded().get() != null);

    // Hélène Dupont records his phone number on her workstation
    CandidateService candidates = Colleague.signIn(services).candidates();
    clock.set(java.time.Instant.parse("2026-12-06T16:02:00Z").toEpochMilli());
    candidates.save(
        CandidateConflictViewModelTest.withPhone(
            candidates.find(id).orElseThrow(), "06 12 34 56 78"),
        null);
    TestServices.signInAdmin(services);

    robot.interact(() -> view.detailVm.email().set("julien.lefevre@example.org"));
    robot.clickOn(view.detail.save);
    waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
    DialogPane ask = robot.lookup("#conflict-dialog").queryAs(DialogPane.class);
    assertThat(ask.getHeaderText())
        .startsWith("Modifié par " + Colleague.ACTOR + " le 6 décembre à ");
    assertThat(view.detailVm.email().get()).isEqualTo("julien.lefevre@example.org");

    robot.clickOn("Comparer");
    waitUntil(() -> robot.lookup("#conflict-compare").tryQuery().isPresent());
    Node compare = robot.lookup("#conflict-compare").query();
    assertThat(robot.from(compare).lookup("06 12 34 56 78").tryQuery()).isPresent();
    assertThat(robot.from(compare).lookup("julien.lefevre@example.org").tryQuery()).isPresent();
    robot.clickOn(
        robot.from(compare).lookup("#take-candidates-field-phone").queryAs(CheckBox.class));
    robot.clickOn("Reprendre sur la version enregistrée");
    waitUntil(() -> view.detailVm.conflicts().pending().get() == null);
    assertThat(view.detailVm.phone().get()).isEqualTo("06 12 34 56 78");
    assertThat(view.detailVm.dirty().get()).isTrue();

    robot.clickOn(view.detail.save);
    waitUntil(() -> !view.detailVm.dirty().get());
    CandidateDetail stored = services.candidates().find(id).orElseThrow();
    assertThat(stored.phone()).isEqualTo("06 12 34 56 78");
    assertThat(stored.email()).isEqualTo("julien.lefevre@example.org");
  }
}
