package fr.passerelle.sourcing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What sourcing lists need to know of the offers feature, which serves it ({@code
 * offers/OffersModule} implements it): sourcing depends on this interface, never on the offers
 * package, so the two features have no cycle (offers' screens add matches to lists).
 */
public interface OfferFacts {
  /** The occupation (ROME code) of a live offer; empty when there is no such offer. */
  Optional<String> offerOccupation(UUID offerId);

  /**
   * Per occupation, the matching pool's sizes {@code [pool, priority publics, RQTH]}; background
   * tasks only.
   */
  Map<String, int[]> poolShares(Collection<String> romes);
}
