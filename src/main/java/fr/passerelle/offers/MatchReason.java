package fr.passerelle.offers;

/**
 * One component of a match score, with its points and the fact behind it ({@code detail}: the ROME
 * code, km and radius, a date, years, the priority criteria).
 */
public record MatchReason(Kind kind, int points, String detail) {
  /** Between the distance and the radius in a {@link Kind#DISTANCE} detail: "12 km / 30 km". */
  public static final String DISTANCE_SEPARATOR = " / ";

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

  /**
   * The facts of the detail, for a UI text: for a distance, the distance and the radius; for a
   * date, the date; otherwise the detail.
   */
  public Object[] facts() {
    return switch (kind) {
      case DISTANCE -> detail.split(java.util.regex.Pattern.quote(DISTANCE_SEPARATOR), 2);
      case AVAILABLE_SOON, AVAILABLE_LATER -> new Object[] {java.time.LocalDate.parse(detail)};
      default -> new Object[] {detail};
    };
  }

  /** English text for the command line. */
  public String describe() {
    String what =
        switch (kind) {
          case SAME_OCCUPATION -> "same occupation " + detail;
          case SAME_PARENT -> "related occupation " + detail + " (same ROME v3 parent)";
          case SAME_DOMAIN -> "same domain " + detail;
          case DISTANCE -> detail.replace(DISTANCE_SEPARATOR, " away (radius ") + ")";
          case AVAILABLE -> "available";
          case AVAILABLE_SOON, AVAILABLE_LATER -> "available from " + detail;
          case EXPERIENCE -> detail + " years of experience";
          case PRIORITY_BOOST -> "priority public " + detail;
        };
    return what + " (+" + points + ")";
  }
}
