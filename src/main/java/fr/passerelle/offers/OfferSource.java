package fr.passerelle.offers;

/** Where an offer comes from, as stored in {@code job_offer.source}. */
public enum OfferSource {
  FRANCE_TRAVAIL,
  TEMP_AGENCY
}
