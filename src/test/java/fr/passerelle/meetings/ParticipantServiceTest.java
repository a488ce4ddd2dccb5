package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.core.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who is on a meeting: invitations, the capacity rule and its waitlist, statuses, look-ups. */
class ParticipantServiceTest extends MeetingOffice {
  /** The counselor calls or writes before the meeting (#19): the candidate's phone and e-mail. */
  @Test
  void participantsCarryTheCandidatesContactsAndNoneForExternals() {
    Meeting m = fixture.meeting("Job dating logistique", monday9, 120, 10);
    UUID lea = fixture.candidates(1).get(0);
    fixture.email(lea, "lea.martin@example.fr");
    participants.inviteCandidates(m.id(), List.of(lea));
    participants.addExternal(
        m.id(), ParticipantRole.EMPLOYER, "Marc", "Durand", "Transports Durand");

    List<Participant> all = participants.participants(m.id());
    assertThat(all)
        .filteredOn(p -> lea.equals(p.candidateId()))
        .extracting(Participant::email)
        .containsExactly("lea.martin@example.fr");
    assertThat(all)
        .filteredOn(p -> p.candidateId() == null)
        .extracting(Participant::email, Participant::phone)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null));
  }

  @Test
  void aListBeyondCapacityIsWaitlistedInItsOrderAndPromotedInThatOrder() {
    Meeting m = fixture.meeting("Info coll", monday9, 150, 3);
    List<UUID> c = fixture.candidates(6);
    UUID list = fixture.sourcingList("Préparateurs", c);

    InviteResult r = participants.inviteSourcingList(m.id(), list);
    assertThat(r.invited()).isEqualTo(3);
    assertThat(r.waitlisted()).isEqualTo(3);
    assertThat(statusOf(m, c.get(2))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(3))).isEqualTo(ParticipantStatus.WAITLISTED);

    // the first invited candidate cancels: the first waitlisted (c3) gets the place, not c4 or c5
    participants.setStatus(participantOf(m, c.get(0)).id(), ParticipantStatus.EXCUSED);
    assertThat(statusOf(m, c.get(3))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(4))).isEqualTo(ParticipantStatus.WAITLISTED);

    // removing a participant frees a place too: then c4
    participants.remove(participantOf(m, c.get(1)).id());
    assertThat(statusOf(m, c.get(4))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(5))).isEqualTo(ParticipantStatus.WAITLISTED);

    // raising the capacity promotes the rest
    meetings.update(m.id(), m.toDraft().withCapacity(10));
    assertThat(statusOf(m, c.get(5))).isEqualTo(ParticipantStatus.INVITED);
  }

  @Test
  void waitlistOrderIsTheInvitationTimeAcrossSeveralInvitations() {
    Meeting m = fixture.meeting("Job dating", monday9, 120, 1);
    List<UUID> c = fixture.candidates(4);
    participants.inviteCandidates(m.id(), List.of(c.get(0)));
    clock.advanceMillis(60_000);
    participants.inviteCandidates(m.id(), List.of(c.get(3)));
    clock.advanceMillis(60_000);
    participants.inviteCandidates(m.id(), List.of(c.get(1), c.get(2)));

    participants.setStatus(participantOf(m, c.get(0)).id(), ParticipantStatus.EXCUSED);
    assertThat(statusOf(m, c.get(3))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(1))).isEqualTo(ParticipantStatus.WAITLISTED);
  }

  @Test
  void aCandidateInvitedTwiceIsReportedNotAddedTwice() {
    Meeting m = fixture.meeting("Info coll", monday9, 120, 10);
    List<UUID> c = fixture.candidates(2);
    participants.inviteCandidates(m.id(), List.of(c.get(0)));
    InviteResult again = participants.inviteCandidates(m.id(), List.of(c.get(0), c.get(1)));
    assertThat(again.invited()).isEqualTo(1);
    assertThat(again.alreadyInvited()).containsExactly("MARTIN Léa");
    assertThat(participants.participants(m.id())).hasSize(2);
  }

  @Test
  void anExternalParticipantAddedTwiceIsRefused() {
    Meeting m = fixture.meeting("Réseaux", monday9, 120, null);
    participants.addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto");
    assertThatThrownBy(
            () ->
                participants.addExternal(m.id(), ParticipantRole.PARTNER, "anne", "CAZALS", "akto"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already on this meeting");
    assertThat(participants.participants(m.id())).hasSize(1);
  }

  @Test
  void aCandidateInvitedToAnotherMeetingAtTheSameTimeIsDetected() {
    Meeting a = fixture.meeting("A", monday9, 120, 10);
    Meeting b = fixture.meeting("B", monday9.plusMinutes(90), 120, 10);
    Meeting later = fixture.meeting("Later", monday9.plusDays(1), 120, 10);
    List<UUID> c = fixture.candidates(3);
    participants.inviteCandidates(a.id(), List.of(c.get(0), c.get(1)));
    participants.inviteCandidates(b.id(), List.of(c.get(1)));
    participants.inviteCandidates(later.id(), List.of(c.get(0)));

    List<Clash> clashes = participants.invitationClashes(a.id());
    assertThat(clashes).hasSize(1);
    assertThat(clashes.get(0).otherMeetingId()).isEqualTo(b.id());
    assertThat(clashes.get(0).who()).isEqualTo("BERNARD Chloé");
    // excused elsewhere: no longer a clash
    participants.setStatus(participantOf(b, c.get(1)).id(), ParticipantStatus.EXCUSED);
    assertThat(participants.invitationClashes(a.id())).isEmpty();
  }

  @Test
  void countsAndNoShowRateFollowAttendance() {
    Meeting m = fixture.meeting("MRS", monday9, 120, 5);
    List<UUID> c = fixture.candidates(7);
    participants.inviteCandidates(m.id(), c);
    participants.addExternal(m.id(), ParticipantRole.EMPLOYER, "Paul", "Fabre", "Airbus");
    assertThat(participants.counts(m.id())).isEqualTo(new MeetingCounts(5, 0, 2, 0, 0, 0));
    assertThat(participants.counts(m.id()).noShowRate()).isEmpty();

    participants.setStatus(participantOf(m, c.get(0)).id(), ParticipantStatus.CONFIRMED);
    participants.setStatus(participantOf(m, c.get(1)).id(), ParticipantStatus.PRESENT);
    participants.setStatus(participantOf(m, c.get(2)).id(), ParticipantStatus.PRESENT);
    participants.setStatus(participantOf(m, c.get(3)).id(), ParticipantStatus.PRESENT);
    participants.setStatus(participantOf(m, c.get(4)).id(), ParticipantStatus.ABSENT);
    MeetingCounts counts = participants.counts(m.id());
    assertThat(counts).isEqualTo(new MeetingCounts(5, 4, 2, 3, 1, 0));
    assertThat(counts.noShowRate()).hasValue(0.25);
    assertThat(FrenchFormats.percent(counts.noShowRate().getAsDouble())).isEqualTo("25,0 %");
    assertThat(meetings.list(MeetingFilter.all()).get(0).counts()).isEqualTo(counts);
  }

  @Test
  void aWaitlistedCandidateCannotTakeAPlaceWhenFullButMayBeMarkedPresent() {
    Meeting m = fixture.meeting("MRS", monday9, 120, 1);
    List<UUID> c = fixture.candidates(2);
    participants.inviteCandidates(m.id(), c);
    UUID waiting = participantOf(m, c.get(1)).id();
    assertThatThrownBy(() -> participants.setStatus(waiting, ParticipantStatus.CONFIRMED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("full");
    assertThat(participants.setStatus(waiting, ParticipantStatus.PRESENT).status())
        .isEqualTo(ParticipantStatus.PRESENT);
  }

  @Test
  void candidateSearchIsAPrefixOnTheNormalisedName() {
    fixture.candidates(30);
    assertThat(participants.searchCandidates("lefe", 10))
        .extracting(CandidateHit::lastName)
        .containsExactly("Lefebvre", "Lefèvre");
    assertThat(participants.searchCandidates("  ", 10)).isEmpty();
  }

  private ParticipantStatus statusOf(Meeting m, UUID candidate) {
    return participantOf(m, candidate).status();
  }
}
