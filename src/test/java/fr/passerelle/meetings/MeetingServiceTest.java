package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingServiceTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private Services services;
  private MeetingService meetings;
  private MeetingFixture fixture;
  private final LocalDateTime monday9 = MeetingFixture.NEXT_MONDAY.atTime(9, 30);

  @BeforeEach
  void open() {
    services = TestServices.open(dir, clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    meetings = services.meetings();
    fixture = new MeetingFixture(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  /** The counselor calls or writes before the meeting (#19): the candidate's phone and e-mail. */
  @Test
  void participantsCarryTheCandidatesContactsAndNoneForExternals() {
    Meeting m = fixture.meeting("Job dating logistique", monday9, 120, 10);
    UUID lea = fixture.candidates(1).get(0);
    fixture.email(lea, "lea.martin@example.fr");
    meetings.inviteCandidates(m.id(), List.of(lea));
    meetings.addExternal(m.id(), ParticipantRole.EMPLOYER, "Marc", "Durand", "Transports Durand");

    List<Participant> all = meetings.participants(m.id());
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

    InviteResult r = meetings.inviteSourcingList(m.id(), list);
    assertThat(r.invited()).isEqualTo(3);
    assertThat(r.waitlisted()).isEqualTo(3);
    assertThat(statusOf(m, c.get(2))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(3))).isEqualTo(ParticipantStatus.WAITLISTED);

    // the first invited candidate cancels: the first waitlisted (c3) gets the place, not c4 or c5
    meetings.setStatus(participantOf(m, c.get(0)).id(), ParticipantStatus.EXCUSED);
    assertThat(statusOf(m, c.get(3))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(4))).isEqualTo(ParticipantStatus.WAITLISTED);

    // removing a participant frees a place too: then c4
    meetings.remove(participantOf(m, c.get(1)).id());
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
    meetings.inviteCandidates(m.id(), List.of(c.get(0)));
    clock.advanceMillis(60_000);
    meetings.inviteCandidates(m.id(), List.of(c.get(3)));
    clock.advanceMillis(60_000);
    meetings.inviteCandidates(m.id(), List.of(c.get(1), c.get(2)));

    meetings.setStatus(participantOf(m, c.get(0)).id(), ParticipantStatus.EXCUSED);
    assertThat(statusOf(m, c.get(3))).isEqualTo(ParticipantStatus.INVITED);
    assertThat(statusOf(m, c.get(1))).isEqualTo(ParticipantStatus.WAITLISTED);
  }

  @Test
  void aCandidateInvitedTwiceIsReportedNotAddedTwice() {
    Meeting m = fixture.meeting("Info coll", monday9, 120, 10);
    List<UUID> c = fixture.candidates(2);
    meetings.inviteCandidates(m.id(), List.of(c.get(0)));
    InviteResult again = meetings.inviteCandidates(m.id(), List.of(c.get(0), c.get(1)));
    assertThat(again.invited()).isEqualTo(1);
    assertThat(again.alreadyInvited()).containsExactly("MARTIN Léa");
    assertThat(meetings.participants(m.id())).hasSize(2);
  }

  @Test
  void anExternalParticipantAddedTwiceIsRefused() {
    Meeting m = fixture.meeting("Réseaux", monday9, 120, null);
    meetings.addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto");
    assertThatThrownBy(
            () -> meetings.addExternal(m.id(), ParticipantRole.PARTNER, "anne", "CAZALS", "akto"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already on this meeting");
    assertThat(meetings.participants(m.id())).hasSize(1);
  }

  @Test
  void aRoomBookedTwiceAtOverlappingTimesIsDetected() {
    Meeting a = fixture.meeting("A", monday9, 120, 10);
    MeetingDraft overlapping = fixture.draft("B", monday9.plusHours(1), 60, 10);
    assertThat(meetings.roomClashes(null, overlapping))
        .extracting(Clash::otherMeetingId)
        .containsExactly(a.id());
    // back to back is not a clash; another room is not; the meeting itself is not
    assertThat(meetings.roomClashes(null, fixture.draft("C", monday9.plusHours(2), 60, 10)))
        .isEmpty();
    assertThat(meetings.roomClashes(a.id(), a.toDraft())).isEmpty();
    // a cancelled meeting frees the room
    meetings.cancel(a.id());
    assertThat(meetings.roomClashes(null, overlapping)).isEmpty();
  }

  @Test
  void aCandidateInvitedToAnotherMeetingAtTheSameTimeIsDetected() {
    Meeting a = fixture.meeting("A", monday9, 120, 10);
    Meeting b = fixture.meeting("B", monday9.plusMinutes(90), 120, 10);
    Meeting later = fixture.meeting("Later", monday9.plusDays(1), 120, 10);
    List<UUID> c = fixture.candidates(3);
    meetings.inviteCandidates(a.id(), List.of(c.get(0), c.get(1)));
    meetings.inviteCandidates(b.id(), List.of(c.get(1)));
    meetings.inviteCandidates(later.id(), List.of(c.get(0)));

    List<Clash> clashes = meetings.invitationClashes(a.id());
    assertThat(clashes).hasSize(1);
    assertThat(clashes.get(0).otherMeetingId()).isEqualTo(b.id());
    assertThat(clashes.get(0).who()).isEqualTo("BERNARD Chloé");
    // excused elsewhere: no longer a clash
    meetings.setStatus(participantOf(b, c.get(1)).id(), ParticipantStatus.EXCUSED);
    assertThat(meetings.invitationClashes(a.id())).isEmpty();
  }

  @Test
  void countsAndNoShowRateFollowAttendance() {
    Meeting m = fixture.meeting("MRS", monday9, 120, 5);
    List<UUID> c = fixture.candidates(7);
    meetings.inviteCandidates(m.id(), c);
    meetings.addExternal(m.id(), ParticipantRole.EMPLOYER, "Paul", "Fabre", "Airbus");
    assertThat(meetings.counts(m.id())).isEqualTo(new MeetingCounts(5, 0, 2, 0, 0, 0));
    assertThat(meetings.counts(m.id()).noShowRate()).isEmpty();

    meetings.setStatus(participantOf(m, c.get(0)).id(), ParticipantStatus.CONFIRMED);
    meetings.setStatus(participantOf(m, c.get(1)).id(), ParticipantStatus.PRESENT);
    meetings.setStatus(participantOf(m, c.get(2)).id(), ParticipantStatus.PRESENT);
    meetings.setStatus(participantOf(m, c.get(3)).id(), ParticipantStatus.PRESENT);
    meetings.setStatus(participantOf(m, c.get(4)).id(), ParticipantStatus.ABSENT);
    MeetingCounts counts = meetings.counts(m.id());
    assertThat(counts).isEqualTo(new MeetingCounts(5, 4, 2, 3, 1, 0));
    assertThat(counts.noShowRate()).hasValue(0.25);
    assertThat(FrenchFormats.percent(counts.noShowRate().getAsDouble())).isEqualTo("25,0 %");
    assertThat(meetings.list(MeetingFilter.all()).get(0).counts()).isEqualTo(counts);
  }

  @Test
  void aWaitlistedCandidateCannotTakeAPlaceWhenFullButMayBeMarkedPresent() {
    Meeting m = fixture.meeting("MRS", monday9, 120, 1);
    List<UUID> c = fixture.candidates(2);
    meetings.inviteCandidates(m.id(), c);
    UUID waiting = participantOf(m, c.get(1)).id();
    assertThatThrownBy(() -> meetings.setStatus(waiting, ParticipantStatus.CONFIRMED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("full");
    assertThat(meetings.setStatus(waiting, ParticipantStatus.PRESENT).status())
        .isEqualTo(ParticipantStatus.PRESENT);
  }

  @Test
  void badDraftsAreRefusedAndNothingIsSaved() {
    assertThatThrownBy(() -> fixture.meeting("Past", LocalDateTime.of(2026, 1, 2, 9, 0), 60, 5))
        .hasMessageContaining("start: the meeting would start in the past");
    MeetingDraft backwards = fixture.draft("Backwards", monday9, 60, 5);
    MeetingDraft bad =
        new MeetingDraft(
            backwards.officeId(),
            null,
            backwards.kind(),
            "X",
            monday9,
            monday9.minusHours(1),
            null,
            null,
            null,
            5,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> meetings.create(bad))
        .hasMessageContaining("end: the end is not after the start");
    assertThat(meetings.list(MeetingFilter.all())).isEmpty();

    Meeting m = fixture.meeting("Cap", monday9, 60, 5);
    List<UUID> c = fixture.candidates(3);
    meetings.inviteCandidates(m.id(), c);
    for (UUID id : c) {
      meetings.setStatus(participantOf(m, id).id(), ParticipantStatus.CONFIRMED);
    }
    assertThatThrownBy(() -> meetings.update(m.id(), m.toDraft().withCapacity(2)))
        .hasMessageContaining("capacity: the capacity is below the number of confirmed places");
    assertThat(meetings.get(m.id()).capacity()).isEqualTo(5);
  }

  @Test
  void duplicateCopiesDetailsAndPartnersButNoParticipants() {
    Meeting m = fixture.meeting("Info coll", monday9, 90, 12);
    meetings.inviteCandidates(m.id(), fixture.candidates(2));
    Meeting copy = meetings.duplicate(m.id(), monday9.plusWeeks(1));
    assertThat(copy.id()).isNotEqualTo(m.id());
    assertThat(copy.title()).isEqualTo(m.title());
    assertThat(copy.endsAt()).isEqualTo(monday9.plusWeeks(1).plusMinutes(90));
    assertThat(copy.partners()).containsExactlyElementsOf(m.partners());
    assertThat(meetings.participants(copy.id())).isEmpty();
  }

  @Test
  void candidateSearchIsAPrefixOnTheNormalisedName() {
    fixture.candidates(30);
    assertThat(meetings.searchCandidates("lefe", 10))
        .extracting(CandidateHit::lastName)
        .containsExactly("Lefebvre", "Lefèvre");
    assertThat(meetings.searchCandidates("  ", 10)).isEmpty();
  }

  private Participant participantOf(Meeting m, UUID candidate) {
    return meetings.participants(m.id()).stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow();
  }

  private ParticipantStatus statusOf(Meeting m, UUID candidate) {
    return participantOf(m, candidate).status();
  }

  @Test
  void theNextMeetingIsTheFirstPlannedOneFromNowWithItsCounts() {
    LocalDateTime now = meetings.now();
    fixture.meeting("Passée", now.plusHours(1), 60, 10);
    Meeting cancelled = fixture.meeting("Annulée", now.plusHours(4), 60, 10);
    meetings.cancel(cancelled.id());
    Meeting soon = fixture.meeting("Bientôt", now.plusDays(1), 60, 10);
    fixture.meeting("Plus tard", now.plusDays(3), 60, 10);
    meetings.inviteCandidates(soon.id(), fixture.candidates(3));
    clock.advanceMillis(3 * 3600_000L); // the first one has started
    var next = meetings.next().orElseThrow();
    assertThat(next.meeting().title()).isEqualTo("Bientôt");
    assertThat(next.counts().invited()).isEqualTo(3);
  }
}
