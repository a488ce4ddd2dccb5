package fr.passerelle.meetings;

import fr.passerelle.db.RowVersion;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored meeting. Times are the office's local wall-clock time (Europe/Paris), as a counselor
 * types them. {@code version} is the row's version as read: an update carrying it is refused when a
 * colleague saved the meeting since (ADR 0177).
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
    List<Partner> partners,
    RowVersion version) {

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

  /**
   * "Agence de Pamiers, salle 2": the place and the room, "salle" added only when the room's name
   * does not already say it ("Salle Garonne" stays as it is).
   */
  public String placeAndRoom() {
    List<String> parts = new java.util.ArrayList<>();
    if (place != null && !place.isBlank()) {
      parts.add(place.strip());
    }
    if (room != null && !room.isBlank()) {
      String r = room.strip();
      parts.add(r.toLowerCase(java.util.Locale.FRENCH).startsWith("salle") ? r : "salle " + r);
    }
    return String.join(", ", parts);
  }

  /** True when the meeting runs over both the morning and the afternoon (two signatures). */
  public boolean spansHalfDays() {
    return startsAt.toLocalTime().isBefore(java.time.LocalTime.of(12, 0))
        && endsAt.toLocalTime().isAfter(java.time.LocalTime.of(13, 30))
        && startsAt.toLocalDate().equals(endsAt.toLocalDate());
  }
}
