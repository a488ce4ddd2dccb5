package fr.passerelle.offers;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A job offer as shown to a counselor: its fields with the labels of its references resolved.
 * {@code hardToFillOverride} is null (computed), true (YES) or false (NO).
 */
public record Offer(
    UUID id,
    UUID employerId,
    String employerName,
    String title,
    String romeCode,
    String romeLabel,
    String communeCode,
    String communeName,
    Contract contract,
    int positions,
    LocalDate openedOn,
    LocalDate closedOn,
    OfferSource source,
    Boolean hardToFillOverride,
    String overrideReason,
    String description) {

  public boolean isOpen() {
    return closedOn == null;
  }
}
