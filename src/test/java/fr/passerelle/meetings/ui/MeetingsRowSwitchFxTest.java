package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.testsupport.UnsavedQuestion;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing lost (#19) in the Meetings view: opening another meeting (a row of the list, an entry of
 * the calendar, "next meeting") while the form holds edits asks Save / Discard / Cancel; Cancel
 * keeps the edits and the meeting shown.
 */
@ExtendWith(FxTestExtension.class)
class MeetingsRowSwitchFxTest {
  private static Path dir;
  private static Services services;
  private static Meeting first;
  private static Meeting second;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private MeetingsView view;

  @BeforeAll
  static void data() throws Exception {
    org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    dir = Files.createTempDirectory("meetings-switch");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    MeetingFixture fixture = new MeetingFixture(services);
    first =
        fixture.meeting(
            "Info collective logistique", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 90, 20);
    second = fixture.meeting("Job dating BTP", MeetingFixture.NEXT_MONDAY.atTime(14, 0), 120, 30);
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    vm = new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    MeetingDialogs dialogs = NoMeetingDialogs.INSTANCE;
    view = new MeetingsView(vm, dialogs);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1260, 790));
    stage.show();
    stage.setX(0);
    stage.setY(0);
    stage.sizeToScene();
    vm.refresh();
  }

  @AfterEach
  void close() {
    tasks.close();
  }

  private static void waitUntil(Callable<Boolean> c) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Meeting shown() {
    return vm.selected.get();
  }

  @Test
  void openingAnotherMeetingWithEditsAsksAndCancelKeepsThem(FxRobot r) throws Exception {
    r.interact(() -> vm.open(first.id()));
    waitUntil(() -> shown() != null && shown().id().equals(first.id()));
    waitUntil(() -> first.title().equals(view.editor.title.getText()));
    r.interact(() -> view.editor.title.setText("Info collective logistique (matin)"));

    // the question is modal: ask from a later pulse, as a click would, not inside interact()
    javafx.application.Platform.runLater(() -> vm.open(second.id()));
    DialogPane pane = UnsavedQuestion.shown(r);
    assertThat(pane.getContentText()).contains(first.title());
    r.interact(() -> UnsavedQuestion.button(pane, "Annuler").fire());
    waitUntil(() -> r.lookup("#unsaved-dialog").tryQuery().isEmpty());
    assertThat(shown().id()).isEqualTo(first.id());
    assertThat(view.editor.title.getText()).isEqualTo("Info collective logistique (matin)");

    javafx.application.Platform.runLater(() -> vm.open(second.id()));
    DialogPane again = UnsavedQuestion.shown(r);
    r.interact(() -> UnsavedQuestion.button(again, "Ne pas enregistrer").fire());
    waitUntil(() -> shown().id().equals(second.id()));
    waitUntil(() -> second.title().equals(view.editor.title.getText()));
    assertThat(services.meetings().find(first.id()).orElseThrow().title())
        .as("nothing was saved")
        .isEqualTo(first.title());
  }
}
