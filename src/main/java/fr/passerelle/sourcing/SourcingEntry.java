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
    boolean consentShare) {

  public String displayName() {
    return (lastName == null ? "" : lastName.toUpperCase(java.util.Locale.ROOT))
        + " "
        + (firstName == null ? "" : firstName);
  }
}
