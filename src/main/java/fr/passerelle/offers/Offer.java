package fr.passerelle.offers;

import fr.passerelle.db.RowVersion;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A job offer as shown to a counselor: its fields with the labels of its references resolved.
 * {@code hardToFillOverride} is null (computed), true (YES) or false (NO). {@code version} is the
 * row's version as read: a save carrying it is refused when a colleague saved the offer since (ADR
 * 0177, 0181).
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
    String description,
    RowVersion version) {

  public boolean isOpen() {
    return closedOn == null;
  }
}
