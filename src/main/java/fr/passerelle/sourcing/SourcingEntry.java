package fr.passerelle.sourcing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A candidate in a list: status, dated history, score at the time of adding, criteria. */
public record SourcingEntry(
    UUID id,
    UUID listId,
    UUID candidateId,
    String firstName,
    String lastName,
    String communeName,
    PipelineStatus status,
    List<HistoryEvent> history,
    LocalDate addedOn,
    Integer score,
    Set<String> criteria,
    boolean consentShare,
    String phone,
    String email) {

  /** The same entry without the person's phone and e-mail (for who may not read the files). */
  public SourcingEntry withoutContacts() {
    return withCriteria(criteria, false);
  }

  /** The same entry with {@code shown} as its criteria, its contacts kept if {@code contacts}. */
  SourcingEntry withCriteria(Set<String> shown, boolean contacts) {
    return new SourcingEntry(
        id,
        listId,
        candidateId,
        firstName,
        lastName,
        communeName,
        status,
        history,
        addedOn,
        score,
        shown,
        consentShare,
        contacts ? phone : null,
        contacts ? email : null);
  }

  public String displayName() {
    return (lastName == null ? "" : lastName.toUpperCase(java.util.Locale.ROOT))
        + " "
        + (firstName == null ? "" : firstName);
  }
}
