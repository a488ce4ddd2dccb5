package fr.passerelle.meetings;

import fr.passerelle.db.RowVersion;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A participant of a meeting: a candidate (names read from the candidate row) or partner staff / an
 * employer representative (names stored on the participation). A candidate's phone and e-mail, for
 * the counselor who calls before the meeting, are given only to a reader of candidates' files
 * ({@code CANDIDATES_READ}); null otherwise and for the others. {@code version} is the
 * participation's row as read: a change of status or a removal carrying it is refused when a
 * colleague changed the participant since (ADR 0197); null means "no version".
 */
public record Participant(
    UUID id,
    UUID meetingId,
    UUID candidateId,
    String firstName,
    String lastName,
    String organisation,
    ParticipantRole role,
    ParticipantStatus status,
    OffsetDateTime invitedAt,
    String phone,
    String email,
    RowVersion version) {

  /** The same participant without contact details (a reader without access to the files). */
  public Participant withoutContacts() {
    return new Participant(
        id,
        meetingId,
        candidateId,
        firstName,
        lastName,
        organisation,
        role,
        status,
        invitedAt,
        null,
        null,
        version);
  }

  /** "NOM Prénom", as on printed documents. */
  public String printedName() {
    String last = lastName == null ? "" : lastName.toUpperCase(java.util.Locale.FRENCH);
    String first = firstName == null ? "" : firstName;
    return (last + " " + first).strip();
  }

  /** The organisation column of the roster: "candidat" for candidates. */
  public String printedOrganisation() {
    if (role == ParticipantRole.CANDIDATE) {
      return "candidat";
    }
    return organisation == null ? "" : organisation;
  }
}
