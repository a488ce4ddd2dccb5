package fr.passerelle.offers;

/**
 * One component of a match score, with its points and the fact behind it ({@code detail}: the ROME
 * code, km and radius, a date, years, the priority criteria).
 */
public record MatchReason(Kind kind, int points, String detail) {
  /** The score components (see {@link ScoreRules} and docs/offers-and-lists.md). */
  public enum Kind {
    SAME_OCCUPATION,
    SAME_PARENT,
    SAME_DOMAIN,
    DISTANCE,
    AVAILABLE,
    AVAILABLE_SOON,
    AVAILABLE_LATER,
    EXPERIENCE,
    PRIORITY_BOOST
  }

  /** English text for the command line. */
  public String describe() {
    String what =
        switch (kind) {
          case SAME_OCCUPATION -> "same occupation " + detail;
          case SAME_PARENT -> "related occupation " + detail + " (same ROME v3 parent)";
          case SAME_DOMAIN -> "same domain " + detail;
          case DISTANCE -> detail;
          case AVAILABLE -> "available";
          case AVAILABLE_SOON, AVAILABLE_LATER -> "available from " + detail;
          case EXPERIENCE -> detail + " years of experience";
          case PRIORITY_BOOST -> "priority public " + detail;
        };
    return what + " (+" + points + ")";
  }
}
