package fr.passerelle.offers;

/** Contract of a job offer, as stored in {@code job_offer.contract}. */
public enum Contract {
  INTERIM,
  CDD,
  CDI,
  CDI_INTERIMAIRE,
  ALTERNANCE
}
