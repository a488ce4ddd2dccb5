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

  public static MeetingFilter all() {
    return new MeetingFilter(null, null, null, null, null, null);
  }
}
