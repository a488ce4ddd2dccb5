package fr.passerelle.meetings;

import java.time.LocalDateTime;
import java.util.UUID;

/** Which meetings to list: a time window and optional kind, occupation, office and status. */
public record MeetingFilter(
    LocalDateTime from,
    LocalDateTime to,
    MeetingKind kind,
    String romeCode,
    UUID officeId,
    MeetingStatus status) {
  public static MeetingFilter between(LocalDateTime from, LocalDateTime to) {
    return new MeetingFilter(from, to, null, null, null, null);
  }

  /**
   * What the Meetings view loads around a shown date: the calendar's month page of that date (up to
   * six weeks from the Monday on or before the 1st), which also contains its week and day pages,
   * with a week on each side.
   */
  public static MeetingFilter around(java.time.LocalDate shown) {
    java.time.LocalDate from =
        shown
            .withDayOfMonth(1)
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
            .minusWeeks(1);
    return between(from.atStartOfDay(), from.plusWeeks(8).atStartOfDay());
  }

  /** The same window with these other criteria. */
  public MeetingFilter with(
      MeetingKind kind, String romeCode, UUID officeId, MeetingStatus status) {
    return new MeetingFilter(from, to, kind, romeCode, officeId, status);
  }

  public static MeetingFilter all() {
    return new MeetingFilter(null, null, null, null, null, null);
  }
}
