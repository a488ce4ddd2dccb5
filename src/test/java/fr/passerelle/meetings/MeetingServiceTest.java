package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A meeting's life cycle: validation, room clashes, duplicate, the next meeting. */
class MeetingServiceTest extends MeetingOffice {
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
    participants.inviteCandidates(m.id(), c);
    for (UUID id : c) {
      participants.setStatus(participantOf(m, id).id(), ParticipantStatus.CONFIRMED);
    }
    assertThatThrownBy(() -> meetings.update(m.id(), m.toDraft().withCapacity(2)))
        .hasMessageContaining("capacity: the capacity is below the number of confirmed places");
    assertThat(meetings.get(m.id()).capacity()).isEqualTo(5);
  }

  @Test
  void duplicateCopiesDetailsAndPartnersButNoParticipants() {
    Meeting m = fixture.meeting("Info coll", monday9, 90, 12);
    participants.inviteCandidates(m.id(), fixture.candidates(2));
    Meeting copy = meetings.duplicate(m.id(), monday9.plusWeeks(1));
    assertThat(copy.id()).isNotEqualTo(m.id());
    assertThat(copy.title()).isEqualTo(m.title());
    assertThat(copy.endsAt()).isEqualTo(monday9.plusWeeks(1).plusMinutes(90));
    assertThat(copy.partners()).containsExactlyElementsOf(m.partners());
    assertThat(participants.participants(copy.id())).isEmpty();
  }

  @Test
  void theNextMeetingIsTheFirstPlannedOneFromNowWithItsCounts() {
    LocalDateTime now = meetings.now();
    fixture.meeting("Passée", now.plusHours(1), 60, 10);
    Meeting cancelled = fixture.meeting("Annulée", now.plusHours(4), 60, 10);
    meetings.cancel(cancelled.id());
    Meeting soon = fixture.meeting("Bientôt", now.plusDays(1), 60, 10);
    fixture.meeting("Plus tard", now.plusDays(3), 60, 10);
    participants.inviteCandidates(soon.id(), fixture.candidates(3));
    clock.advanceMillis(3 * 3600_000L); // the first one has started
    var next = meetings.next().orElseThrow();
    assertThat(next.meeting().title()).isEqualTo("Bientôt");
    assertThat(next.counts().invited()).isEqualTo(3);
  }
}
