package fr.passerelle.offers;

/**
 * Filters of the open-offers list; null fields do not filter. {@code limit} bounds the rows
 * returned (the counts cover every matching offer).
 */
public record OfferFilter(
    boolean hardToFillOnly, String romeCode, Contract contract, OfferSource source, int limit) {
  public static final OfferFilter ALL = new OfferFilter(false, null, null, null, 200);

  public OfferFilter withHardToFillOnly(boolean only) {
    return new OfferFilter(only, romeCode, contract, source, limit);
  }
}
