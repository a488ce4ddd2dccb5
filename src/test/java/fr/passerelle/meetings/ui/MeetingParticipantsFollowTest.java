package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TwoWorkstations;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The participants of the meeting shown on workstation A follow what a colleague does on
 * workstation B (ADR 0181, through ADR 0178's notices): B's invitation appears in A's list, then
 * B's "présent" changes A's figures, without A doing anything. Office server only (two service
 * stacks, two pools on one schema); on H2 nothing is sent. Waits are bounded (20 s), the speed is
 * not asserted.
 */
class MeetingParticipantsFollowTest {
  @TempDir Path dir;
  private TwoWorkstations desks;

  @BeforeEach
  void open() {
    assumeTrue(TestServer.configured(), "office server only");
    desks = new TwoWorkstations(dir.resolve("office"));
  }

  @AfterEach
  void close() {
    if (desks != null) {
      desks.close();
    }
  }

  @Test
  void aColleaguesInvitationAndAttendanceAppearInTheOpenMeeting() throws Exception {
    MeetingFixture fixture = new MeetingFixture(desks.a());
    List<UUID> people = fixture.candidates(2);
    Meeting m =
        fixture.meeting(
            "Information collective — caristes", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 20);
    MeetingsViewModel vm =
        new MeetingsViewModel(
            new UiContext(desks.a(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH)));
    vm.open(m.id());
    assertThat(vm.participants).isEmpty();
    vm.followChanges(desks.a().changes(), Runnable::run);

    desks.b().participants().inviteCandidates(m.id(), people);
    TwoWorkstations.awaitNotice(() -> List.copyOf(vm.participants).size() == 2);
    assertThat(List.copyOf(vm.participants))
        .extracting(Participant::candidateId)
        .containsExactlyInAnyOrderElementsOf(people);

    Participant first = desks.b().participants().participants(m.id()).get(0);
    desks.b().participants().setStatus(first.id(), ParticipantStatus.PRESENT);
    TwoWorkstations.awaitNotice(() -> vm.counts.get().present() == 1);
    assertThat(vm.counts.get().present()).isEqualTo(1);
    assertThat(vm.selected.get().title()).isEqualTo("Information collective — caristes");
  }
}
