package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a day's meetings share its width (#19: a crowded morning drawn as slivers). */
class DayColumnsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 13);

  @Test
  void meetingsThatFitAreAllShown() {
    List<MeetingSummary> day = List.of(at("A", "09:00", 60), at("B", "09:30", 60));
    DayColumns laid = DayColumns.of(day, 2, null);
    assertThat(laid.shown()).hasSize(2);
    assertThat(laid.more()).isEmpty();
  }

  @Test
  void aCrowdedHourKeepsItsFirstColumnsAndGathersTheOthersInOnePlus() {
    List<MeetingSummary> day = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      day.add(at("M" + i, "09:00", 90 + i));
    }
    day.add(at("Afternoon", "14:00", 60));
    DayColumns laid = DayColumns.of(day, 3, null);
    assertThat(titles(laid.shown())).containsExactlyInAnyOrder("M7", "M6", "Afternoon");
    assertThat(laid.more()).hasSize(1);
    DayColumns.More more = laid.more().get(0);
    assertThat(more.hidden()).hasSize(6);
    assertThat(more.alone()).isFalse();
    assertThat(more.start()).isEqualTo(DAY.atTime(9, 0));
    assertThat(more.end()).isEqualTo(DAY.atTime(10, 35));
  }

  @Test
  void hiddenMeetingsThatDoNotOverlapGetOnePlusEach() {
    // a long meeting all morning, and two pairs at different hours: one column for the long one,
    // one for a "+N" each time the others overflow
    List<MeetingSummary> day =
        List.of(
            at("Long", "08:00", 240),
            at("A", "08:30", 60),
            at("B", "08:30", 60),
            at("C", "10:30", 60),
            at("D", "10:30", 60));
    DayColumns laid = DayColumns.of(day, 2, null);
    assertThat(titles(laid.shown())).containsExactly("Long");
    assertThat(laid.more()).extracting(m -> m.hidden().size()).containsExactly(2, 2);
  }

  @Test
  void theMeetingOpenIsAlwaysShown() {
    List<MeetingSummary> day = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      day.add(at("M" + i, "10:00", 60));
    }
    UUID open = day.get(4).meeting().id();
    assertThat(ids(DayColumns.of(day, 2, open).shown())).containsExactly(open);
    // a day one column wide still shows it, the others behind "+4"
    DayColumns narrow = DayColumns.of(day, 1, open);
    assertThat(ids(narrow.shown())).containsExactly(open);
    assertThat(narrow.more().get(0).hidden()).hasSize(4);
    assertThat(narrow.more().get(0).alone()).isFalse();
    // without it, nothing drawn but "5 réunions"
    DayColumns none = DayColumns.of(day, 1, null);
    assertThat(none.shown()).isEmpty();
    assertThat(none.more().get(0).alone()).isTrue();
  }

  private static MeetingSummary at(String title, String start, int minutes) {
    LocalDateTime s = DAY.atTime(LocalTime.parse(start));
    return new MeetingSummary(
        new Meeting(
            UUID.randomUUID(),
            null,
            null,
            MeetingKind.INFO_COLLECTIVE,
            title,
            s,
            s.plusMinutes(minutes),
            null,
            null,
            null,
            20,
            null,
            null,
            MeetingStatus.PLANNED,
            null,
            List.of(),
            null),
        MeetingCounts.NONE);
  }

  private static List<String> titles(List<MeetingSummary> s) {
    return s.stream().map(x -> x.meeting().title()).toList();
  }

  private static List<UUID> ids(List<MeetingSummary> s) {
    return s.stream().map(x -> x.meeting().id()).toList();
  }
}
