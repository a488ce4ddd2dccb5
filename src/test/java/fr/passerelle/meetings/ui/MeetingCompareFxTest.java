package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.Screenshots;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
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
 * The meeting form's save refused because a colleague saved the meeting meanwhile (ADR 0197), as a
 * counselor meets it: the dialog names her and the time, Comparer shows the fields that differ —
 * her title beside the form's, the room typed here beside the stored one — her title is taken, the
 * room typed is kept, and the second save goes through on her version. At 1366×768.
 */
@ExtendWith(FxTestExtension.class)
class MeetingCompareFxTest {
  @TempDir Path dir;
  private final TestServices.ManualClock clock = new TestServices.ManualClock();
  private Services services;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private MeetingsView view;
  private Meeting meeting;

  @Start
  void start(Stage stage) {
    // the application's theme (the screenshot shows the window as counselors see it)
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    services = TestServices.open(dir.resolve("office"), clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Colleague.create(services);
    meeting =
        new MeetingFixture(services)
            .meeting(
                "Information collective — caristes",
                MeetingFixture.NEXT_MONDAY.atTime(9, 30),
                120,
                20);
    tasks = new FxTaskRunner();
    vm = new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    view = new MeetingsView(vm, NoMeetingDialogs.INSTANCE);
    stage.setMaximized(false);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1366, 768));
    stage.sizeToScene(); // the shared stage may keep an earlier test's size
    stage.setX(0);
    stage.setY(0);
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void close() {
    tasks.close();
    services.close();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * The meeting open in the form here; then Hélène Dupont renames it on her workstation, on 6
   * January at 15:02.
   */
  private void openedThenRenamedByHer(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open(meeting.id()));
    waitUntil(() -> vm.selected.get() != null && !view.editor.title.getText().isEmpty());
    Meeting hers = Colleague.signIn(services).meetings().get(meeting.id());
    clock.set(java.time.Instant.parse("2026-01-06T15:02:00Z").toEpochMilli());
    services
        .meetings()
        .update(
            hers.id(),
            hers.version(),
            MeetingFixture.edited(hers.toDraft(), "Job dating — logistique", hers.room()));
    TestServices.signInAdmin(services);
  }

  /** Ctrl+S, as counselors save (the Save button may be below the fold of the form at 1366×768). */
  private void saveWithCtrlS(FxRobot robot) {
    robot.clickOn(view.editor.room);
    robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S);
  }

  /** The button of the refusal's dialog saying {@code text}. */
  private static Node dialogButton(FxRobot robot, String text) {
    Node dialog = robot.lookup("#conflict-dialog").query();
    return robot.from(dialog).lookup(text).<Node>query();
  }

  @Test
  void refusedThenComparedThenSavedOnTheColleaguesVersion(FxRobot robot) throws Exception {
    openedThenRenamedByHer(robot);

    // this counselor moves it to another room, then saves
    robot.clickOn(view.editor.room).eraseText(view.editor.room.getText().length());
    robot.write("Salle Pyrénées");
    saveWithCtrlS(robot);
    waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
    DialogPane ask = robot.lookup("#conflict-dialog").queryAs(DialogPane.class);
    assertThat(ask.getHeaderText())
        .startsWith("Modifié par " + Colleague.ACTOR + " le 6 janvier à ");
    assertThat(view.editor.room.getText()).isEqualTo("Salle Pyrénées");

    robot.clickOn("Comparer");
    waitUntil(() -> robot.lookup("#conflict-compare").tryQuery().isPresent());
    Node compare = robot.lookup("#conflict-compare").query();
    assertThat(robot.from(compare).lookup("Job dating — logistique").tryQuery()).isPresent();
    assertThat(robot.from(compare).lookup("Information collective — caristes").tryQuery())
        .isPresent();
    assertThat(robot.from(compare).lookup("Salle Pyrénées").tryQuery()).isPresent();
    assertThat(robot.from(compare).lookup("Garonne").tryQuery()).isPresent();
    assertThat(robot.from(compare).lookup("#take-meetings-field-place").tryQuery())
        .as("only the fields that differ")
        .isEmpty();
    robot.clickOn(robot.from(compare).lookup("#take-meetings-field-title").queryAs(CheckBox.class));
    Screenshots.ifAsked("meetings-compare-1366");
    robot.clickOn("Reprendre sur la version enregistrée");
    waitUntil(() -> vm.conflict.get() == null);
    assertThat(view.editor.title.getText()).isEqualTo("Job dating — logistique");
    assertThat(view.editor.room.getText()).isEqualTo("Salle Pyrénées");
    assertThat(view.editor.changed()).isTrue();
    assertThat(vm.message.get())
        .isEqualTo(
            "Vos modifications sont reprises sur la version enregistrée : vérifiez puis"
                + " enregistrez.");

    saveWithCtrlS(robot);
    waitUntil(() -> !view.editor.changed());
    Meeting stored = services.meetings().get(meeting.id());
    assertThat(stored.title()).isEqualTo("Job dating — logistique");
    assertThat(stored.room()).isEqualTo("Salle Pyrénées");
    assertThat(vm.message.get()).isEqualTo("Réunion « Job dating — logistique » enregistrée.");
  }

  @Test
  void annulerKeepsWhatWasTypedThenRechargerShowsTheColleaguesMeeting(FxRobot robot)
      throws Exception {
    openedThenRenamedByHer(robot);

    robot.interact(() -> view.editor.room.setText("Salle Pyrénées"));
    saveWithCtrlS(robot);
    waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
    // the dialog's own button ("Annuler" is also the participants' undo, hidden)
    robot.clickOn(dialogButton(robot, "Annuler"));
    waitUntil(() -> vm.conflict.get() == null);
    assertThat(view.editor.room.getText()).isEqualTo("Salle Pyrénées");
    assertThat(view.editor.title.getText()).isEqualTo("Information collective — caristes");

    // saving again is refused again: the form still holds the version it loaded
    saveWithCtrlS(robot);
    waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
    robot.clickOn(dialogButton(robot, "Recharger"));
    waitUntil(() -> vm.conflict.get() == null);
    assertThat(view.editor.title.getText()).isEqualTo("Job dating — logistique");
    assertThat(view.editor.room.getText()).isEqualTo("Garonne");
    assertThat(view.editor.changed()).isFalse();
    assertThat(vm.message.get())
        .isEqualTo("Réunion rechargée : vos modifications ont été abandonnées.");
    assertThat(services.meetings().get(meeting.id()).room()).isEqualTo("Garonne");
  }
}
