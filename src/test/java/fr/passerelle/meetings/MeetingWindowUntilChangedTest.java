package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The calendar's window and the open sourcing lists are kept until the installation's next change
 * (ADR 0206): a return to the calendar with nothing changed reads nothing again, and every kind of
 * change the view shows is seen at the next call, never an older answer.
 */
class MeetingWindowUntilChangedTest extends MeetingOffice {
  private final MeetingFilter window = MeetingFilter.around(MeetingFixture.NEXT_MONDAY);

  private MeetingSummary only() {
    List<MeetingSummary> all = meetings.list(window);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void aReturnWithNothingChangedGetsTheAnswerAlreadyRead() {
    fixture.meeting("Info coll caristes", monday9, 120, 10);
    fixture.sourcingList("Caristes Blagnac", fixture.candidates(2));

    List<MeetingSummary> first = meetings.list(window);
    List<SourcingListRef> lists = participants.sourcingLists();

    assertThat(meetings.list(window)).isSameAs(first);
    assertThat(participants.sourcingLists()).isSameAs(lists);
    // another window is read on its own, and the first one is still kept
    meetings.list(MeetingFilter.around(MeetingFixture.NEXT_MONDAY.plusMonths(3)));
    assertThat(meetings.list(window)).isSameAs(first);
  }

  @Test
  void everyChangeTheCalendarShowsIsSeenAtTheNextCall() {
    Meeting m = fixture.meeting("Info coll caristes", monday9, 120, 10);
    List<UUID> people = fixture.candidates(2);
    assertThat(only().counts().invited()).isZero();

    participants.inviteCandidates(m.id(), people);
    assertThat(only().counts().invited()).isEqualTo(2);

    participants.setStatus(participantOf(m, people.get(0)).id(), ParticipantStatus.EXCUSED);
    assertThat(only().counts().invited()).isEqualTo(1);
    assertThat(only().counts().excused()).isEqualTo(1);

    // a candidate deleted: their participation no longer counts (the join on live candidates)
    services.candidates().delete(people.get(1));
    assertThat(only().counts().invited()).isZero();

    meetings.update(m.id(), MeetingFixture.edited(m.toDraft(), "Job dating caristes", "Salle 2"));
    assertThat(only().meeting().title()).isEqualTo("Job dating caristes");

    meetings.cancel(m.id(), meetings.get(m.id()).version());
    assertThat(only().meeting().status()).isEqualTo(MeetingStatus.CANCELLED);

    fixture.meeting("Atelier CV", monday9.plusDays(1), 60, null);
    assertThat(meetings.list(window))
        .extracting(s -> s.meeting().title())
        .containsExactly("Job dating caristes", "Atelier CV");
  }

  @Test
  void aNewSourcingListIsOfferedAtTheNextCall() {
    assertThat(participants.sourcingLists()).isEmpty();
    fixture.sourcingList("Préparateurs Fenouillet", fixture.candidates(3));
    assertThat(participants.sourcingLists())
        .extracting(SourcingListRef::name, SourcingListRef::entries)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Préparateurs Fenouillet", 3));
  }
}
