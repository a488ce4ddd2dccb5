package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.printing.Printing;
import fr.passerelle.testsupport.ServerDownTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting's save that failed on the lost office server (issue 15; ADR 0211): the status line says
 * it will be saved once the server is back, and it is — with what the form holds then, read again
 * from the form, not the draft of the failed attempt.
 */
class MeetingFormServerLostTest {
  @TempDir Path dir;
  private final Messages msg = new Messages(Messages.FRENCH);
  private final ServerDownTaskRunner tasks = new ServerDownTaskRunner();
  private Services services;
  private MeetingFixture fixture;
  private Meeting meeting;
  private MeetingsViewModel vm;

  @BeforeEach
  void open() {
    services = TestServices.open(dir, new TestServices.ManualClock()); // before NEXT_MONDAY
    fixture = new MeetingFixture(services);
    meeting =
        fixture.meeting(
            "Information collective — caristes", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 20);
    vm =
        new MeetingsViewModel(
            new UiContext(services, tasks, msg), Printing.system(), tasks.serverReturn());
    vm.open(meeting.id());
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void theSaveWaitsForTheServerAndSavesWhatTheFormHoldsOnceItIsBack() {
    MeetingDraft typed =
        MeetingFixture.edited(
            fixture.draft(meeting.title(), meeting.startsAt(), 120, 20), "Caristes", "Salle A");
    AtomicReference<MeetingDraft> form = new AtomicReference<>(typed);

    tasks.down(true);
    vm.save(() -> Optional.of(form.get()), () -> {});
    assertThat(vm.message.get()).contains("dès son retour").doesNotContain("I/O", "SQL");
    assertThat(vm.saveWaitsForServer()).isTrue();

    form.set(MeetingFixture.edited(typed, "Caristes — session 2", "Salle B")); // typed meanwhile
    tasks.down(false);
    tasks.serverReturn().checkNow();

    Meeting saved = services.meetings().find(meeting.id()).orElseThrow();
    assertThat(saved.title()).isEqualTo("Caristes — session 2");
    assertThat(saved.room()).isEqualTo("Salle B");
    assertThat(vm.saveWaitsForServer()).isFalse();
    assertThat(vm.message.get()).isEqualTo(msg.get("meetings.saved", "Caristes — session 2"));
  }

  @Test
  void startingANewMeetingCancelsTheSaveThatWaited() {
    tasks.down(true);
    vm.save(
        () ->
            Optional.of(
                MeetingFixture.edited(
                    fixture.draft(meeting.title(), meeting.startsAt(), 120, 20), "Autre", "C")),
        () -> {});
    vm.startNew();
    tasks.down(false);
    tasks.serverReturn().checkNow();
    assertThat(services.meetings().find(meeting.id()).orElseThrow().title())
        .isEqualTo(meeting.title());
  }
}
