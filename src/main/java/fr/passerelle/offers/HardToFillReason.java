package fr.passerelle.offers;

/**
 * Why an offer may be hard to fill. Each is computed independently and adds points to the offer's
 * score ({@link HardToFill.Reason#points()}, ADR 0130): facts about this offer weigh 1, or 2 when
 * strong (open more than twice the threshold; nobody at all in reach); facts about its whole
 * occupation (the office's tension mark, the BMO survey) weigh 1. See docs/offers-and-lists.md.
 */
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
