package fr.passerelle.meetings;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored meeting. Times are the office's local wall-clock time (Europe/Paris), as a counselor
 * types them.
 */
public record Meeting(
    UUID id,
    UUID officeId,
    UUID coOfficeId,
    MeetingKind kind,
    String title,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    String place,
    String room,
    String remoteLink,
    Integer capacity,
    String romeCode,
    UUID offerId,
    MeetingStatus status,
    String notes,
    List<Partner> partners) {

  /** The editable fields of this meeting, to edit or duplicate it. */
  public MeetingDraft toDraft() {
    return new MeetingDraft(
        officeId,
        coOfficeId,
        kind,
        title,
        startsAt,
        endsAt,
        place,
        room,
        remoteLink,
        capacity,
        romeCode,
        offerId,
        notes,
        partners);
  }

  /** True when the meeting runs over both the morning and the afternoon (two signatures). */
  public boolean spansHalfDays() {
    return startsAt.toLocalTime().isBefore(java.time.LocalTime.of(12, 0))
        && endsAt.toLocalTime().isAfter(java.time.LocalTime.of(13, 30))
        && startsAt.toLocalDate().equals(endsAt.toLocalDate());
  }
}
