package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ScriptedDialogs;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * "Retirer" takes a participant off the meeting at once and offers "Annuler" in the view (#19:
 * nothing lost by a wrong click, no question for a frequent action); "Annuler" puts them back with
 * their status, the same row (same id).
 */
@ExtendWith(FxTestExtension.class)
class ParticipantUndoFxTest {
  private static Path dir;
  private static Services services;
  private static Meeting meeting;
  private static UUID lea;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private final ScriptedDialogs dialogs = new ScriptedDialogs();

  @BeforeAll
  static void data() throws Exception {
    dir = Files.createTempDirectory("meetings-undo");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    MeetingFixture fixture = new MeetingFixture(services);
    meeting = fixture.meeting("Info coll", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 10);
    var ids = fixture.candidates(3);
    lea = ids.get(0);
    services.participants().inviteCandidates(meeting.id(), ids);
    Participant p =
        services.participants().participants(meeting.id()).stream()
            .filter(x -> lea.equals(x.candidateId()))
            .findFirst()
            .orElseThrow();
    services.participants().setStatus(p.id(), ParticipantStatus.CONFIRMED);
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    vm =
        new MeetingsViewModel(
            new UiContext(services, tasks, new Messages(Messages.FRENCH), dialogs));
    MeetingsView view = new MeetingsView(vm, NoMeetingDialogs.INSTANCE);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1228, 688));
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void stop() {
    tasks.close();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Participant leaShown() {
    return vm.participants.stream()
        .filter(p -> lea.equals(p.candidateId()))
        .findFirst()
        .orElse(null);
  }

  @Test
  void removingOffersUndoThatPutsThePersonBack(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open(meeting.id()));
    waitUntil(() -> vm.participants.size() == 3);
    robot.clickOn("#tabParticipants");
    Participant before = leaShown();
    String name = before.printedName();
    robot.clickOn(name);
    robot.clickOn("#removeParticipant");
    waitUntil(() -> vm.participants.size() == 2);
    assertThat(dialogs.asked()).as("no question before the removal").isEmpty();

    Node notice = robot.lookup("#undoNotice").query();
    assertThat(notice.isVisible()).isTrue();
    assertThat(robot.lookup("#undoText").queryAs(Label.class).getText())
        .isEqualTo(name + " retiré(e) de « Info coll »");

    robot.clickOn("#undo");
    waitUntil(() -> vm.participants.size() == 3);
    assertThat(leaShown().id()).as("the same row back (#19)").isEqualTo(before.id());
    assertThat(leaShown().status()).isEqualTo(ParticipantStatus.CONFIRMED);
    assertThat(leaShown().invitedAt()).isEqualTo(before.invitedAt());
    assertThat(notice.isVisible()).as("the notice goes once used").isFalse();
    assertThat(vm.message.get()).isEqualTo(name + " est de nouveau sur la réunion.");
  }
}
