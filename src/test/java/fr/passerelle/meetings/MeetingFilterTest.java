package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MeetingFilterTest {
  @Test
  void theWindowAroundADateHoldsItsMonthPageWithAWeekOnEachSide() {
    // Friday 30 January 2026: its week runs to Sunday 1 February; January's month page starts on
    // Monday 29 December 2025 and shows six weeks, to Sunday 8 February.
    MeetingFilter f = MeetingFilter.around(LocalDate.of(2026, 1, 30));
    assertThat(f.from()).isEqualTo(LocalDateTime.of(2025, 12, 22, 0, 0));
    assertThat(f.to()).isEqualTo(LocalDateTime.of(2026, 2, 16, 0, 0));
    MeetingFilter first = MeetingFilter.around(LocalDate.of(2026, 6, 1)); // a Monday the 1st
    assertThat(first.from()).isEqualTo(LocalDateTime.of(2026, 5, 25, 0, 0));
    assertThat(first.to()).isAfter(LocalDateTime.of(2026, 7, 12, 23, 59));
  }
}
