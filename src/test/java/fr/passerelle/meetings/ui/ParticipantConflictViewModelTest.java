package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TwoWorkstations;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The participants' list when a colleague changed a participant after the list was shown (ADR
 * 0197), without FX: this counselor's "absent" or "Retirer" on the participant as shown is refused,
 * the list is read again (the colleague's status, or the participant gone) and the message line
 * says who and when, in plain French.
 */
class ParticipantConflictViewModelTest {
  @TempDir Path dir;
  private TwoWorkstations desks;
  private MeetingsViewModel vm;
  private Meeting meeting;
  private List<UUID> people;

  @BeforeEach
  void open() {
    desks = new TwoWorkstations(dir.resolve("office"));
    MeetingFixture fixture = new MeetingFixture(desks.a());
    meeting =
        fixture.meeting(
            "Information collective — caristes", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 20);
    people = fixture.candidates(2);
    desks.a().participants().inviteCandidates(meeting.id(), people);
    vm =
        new MeetingsViewModel(
            new UiContext(desks.a(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH)));
    vm.open(meeting.id());
    assertThat(vm.participants).hasSize(2);
  }

  @AfterEach
  void close() {
    desks.close();
  }

  private Participant shown(UUID candidate) {
    return vm.participants.stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow();
  }

  private Participant hers(UUID candidate) {
    return desks.b().participants().participants(meeting.id()).stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aStatusOverAColleaguesIsRefusedTheListShowsHersAndTheLineSaysWhoAndWhen() {
    Participant stale = shown(people.get(0));
    Participant hers = hers(people.get(0));
    desks.minuteLater();
    desks.b().participants().setStatus(hers.id(), hers.version(), ParticipantStatus.PRESENT);
    desks.a();

    vm.setStatus(stale, ParticipantStatus.ABSENT);

    assertThat(vm.message.get())
        .startsWith(
            stale.printedName() + " : rien n’a été changé, " + Colleague.ACTOR + " l’a modifié le ")
        .endsWith("La liste est rechargée : vérifiez son statut avant de refaire votre choix.");
    assertThat(shown(people.get(0)).status()).isEqualTo(ParticipantStatus.PRESENT);
    assertThat(vm.counts.get().present()).isEqualTo(1);
    assertThat(vm.counts.get().absent()).isZero();

    // on the participant as now shown, the change goes through
    vm.setStatus(shown(people.get(0)), ParticipantStatus.ABSENT);
    assertThat(shown(people.get(0)).status()).isEqualTo(ParticipantStatus.ABSENT);
    assertThat(vm.message.get()).doesNotContain("rien n’a été changé");
  }

  @Test
  void aRemovalOfSomeoneAColleagueRemovedIsRefusedAndNoUndoIsOffered() {
    Participant stale = shown(people.get(1));
    Participant hers = hers(people.get(1));
    desks.minuteLater();
    desks.b().participants().remove(hers.id(), hers.version());
    desks.a();

    AtomicBoolean undoOffered = new AtomicBoolean();
    vm.remove(stale, removed -> undoOffered.set(true));

    assertThat(undoOffered).isFalse();
    assertThat(vm.message.get())
        .startsWith(
            stale.printedName()
                + " : rien n’a été changé, "
                + Colleague.ACTOR
                + " l’a retiré de la réunion le ")
        .endsWith("La liste est rechargée.");
    assertThat(vm.participants).extracting(Participant::candidateId).containsExactly(people.get(0));
  }
}
