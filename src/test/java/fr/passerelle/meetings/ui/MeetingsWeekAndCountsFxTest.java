package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
 * Issue 19 in Réunions: the calendar opens on the office's current week at 08:00 (it opened on the
 * machine's day, scrolled to the hour the view was built) and goes to a new meeting's week,
 * scrolled to its first meeting; the counts after saving a 25-place meeting say 25 places (not
 * "∞"); waitlisted people have their rank. The test clock reads Monday 5 January 2026.
 */
@ExtendWith(FxTestExtension.class)
class MeetingsWeekAndCountsFxTest {
  private static Services services;
  private static MeetingFixture fixture;
  private static List<UUID> candidates;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private MeetingsView view;

  @BeforeAll
  static void data() throws Exception {
    org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    Path dir = Files.createTempDirectory("meetings-week");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    fixture = new MeetingFixture(services);
    candidates = fixture.candidates(3);
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    vm = new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    view = new MeetingsView(vm, NoMeetingDialogs.INSTANCE);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1366, 768));
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void close() {
    tasks.close();
  }

  private void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theCalendarOpensOnTheOfficesWeekAt8AndGoesToANewMeetingsWeek(FxRobot robot)
      throws Exception {
    LocalDate today = LocalDate.of(2026, 1, 5);
    assertThat(view.calendar.getDate()).isEqualTo(today);
    assertThat(view.calendar.getToday()).isEqualTo(today);
    assertThat(view.calendar.getRequestedTime()).isEqualTo(LocalTime.of(8, 0));

    LocalDateTime in3Weeks = LocalDateTime.of(2026, 1, 26, 9, 30);
    robot.interact(
        () -> {
          vm.startNew();
          vm.save(fixture.draft("Job dating logistique", in3Weeks, 120, 25), () -> {});
        });
    waitUntil(() -> vm.selected.get() != null && tasks.running().isEmpty());
    assertThat(view.calendar.getDate()).isEqualTo(in3Weeks.toLocalDate());
    // scrolled to the week's (only) meeting, not left at midnight's compressed hours
    LocalTime top =
        WaitForAsyncUtils.asyncFx(() -> view.calendar.weekHours().orElseThrow().get(0))
            .get(60, TimeUnit.SECONDS);
    assertThat(top).isBetween(LocalTime.of(8, 0), LocalTime.of(9, 30));
    assertThat(view.participants.counts.getText())
        .startsWith("Invités 0 / 25 places")
        .doesNotContain("∞");
  }

  @Test
  void waitlistedCandidatesShowTheirRank(FxRobot robot) throws Exception {
    Meeting full = fixture.meeting("Atelier CV", LocalDateTime.of(2026, 1, 7, 14, 0), 60, 1);
    services.participants().inviteCandidates(full.id(), candidates);
    robot.interact(() -> vm.open(full.id()));
    waitUntil(() -> vm.participants.size() == 3 && tasks.running().isEmpty());
    List<String> waiting =
        vm.participants.stream()
            .filter(p -> p.status() == ParticipantStatus.WAITLISTED)
            .map((Participant p) -> view.participants.statusText(p))
            .sorted()
            .toList();
    assertThat(waiting).containsExactly("En attente (rang 1)", "En attente (rang 2)");
    assertThat(view.participants.table.isTableMenuButtonVisible())
        .as("the participants' columns can be chosen")
        .isTrue();
  }
}
