package fr.passerelle.sourcing;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A sourcing list with its pipeline counts and shares, as the "my lists" view shows it. */
public record SourcingList(
    UUID id,
    String name,
    UUID offerId,
    String offerTitle,
    String romeCode,
    String romeLabel,
    UUID ownerId,
    String ownerName,
    UUID sharedOfficeId,
    String sharedOfficeName,
    LocalDate createdOn,
    LocalDate closedOn,
    Map<PipelineStatus, Integer> pipeline,
    Shares shares) {

  public boolean isShared() {
    return sharedOfficeId != null;
  }

  public int size() {
    return pipeline.values().stream().mapToInt(Integer::intValue).sum();
  }
}
