package fr.passerelle.candidates;

import java.time.LocalDate;
import java.util.UUID;

/** One row of the candidates table: enough to recognise a person, nothing sensitive. */
public record CandidateSummary(
    UUID id,
    String lastName,
    String firstName,
    LocalDate birthDate,
    String communeCode,
    String communeName,
    CandidateStatus status,
    LocalDate availableFrom,
    String occupations,
    boolean consentShare) {

  /** "LEFÈVRE Hélène", as on printed documents. */
  public String displayName() {
    String last = lastName == null ? "" : lastName.toUpperCase(java.util.Locale.FRANCE);
    String first = firstName == null ? "" : firstName;
    return (last + " " + first).trim();
  }
}
