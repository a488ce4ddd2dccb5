package fr.passerelle.offers;

/** Why an offer is flagged hard to fill. Each is computed independently; see docs. */
public enum HardToFillReason {
  /** Open for more than the office's threshold of days. */
  OPEN_LONG,
  /** Fewer active candidates with the same ROME code within their reach than the threshold. */
  FEW_CANDIDATES,
  /** The office marked the occupation as in tension. */
  OCCUPATION_IN_TENSION,
  /** The BMO family the occupation maps to has a difficult-recruitment share above threshold. */
  BMO_DIFFICULT
}
