package fr.passerelle.meetings;

import java.time.LocalDate;
import java.util.UUID;

/** A job offer a meeting can be about: enough to name it in the form and on the documents. */
public record OfferRef(
    UUID id,
    String title,
    String employer,
    String romeCode,
    String communeName,
    LocalDate openedOn) {

  /** "Title — Employer (Commune)". */
  public String label() {
    StringBuilder b = new StringBuilder(title == null ? "" : title);
    if (employer != null && !employer.isBlank()) {
      b.append(" — ").append(employer);
    }
    if (communeName != null && !communeName.isBlank()) {
      b.append(" (").append(communeName).append(')');
    }
    return b.toString();
  }
}
