package fr.passerelle.offers;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The explainable match score, out of 100 (+ an optional boost). Each component is a pure function
 * so that it is tested on its own:
 *
 * <ul>
 *   <li>occupation: same ROME code 40, same v3 parent 25, same domain (3 first characters) 20, else
 *       no match;
 *   <li>distance between commune centroids: beyond the candidate's radius, no match; else 20 at the
 *       same place down to 5 at the edge of the radius;
 *   <li>availability: from the offer's start or earlier 20, within 30 days after it 10, later 0;
 *   <li>experience in the matched occupation: 4 per year up to 5 years (20);
 *   <li>priority-public boost (an option the counselor turns on): +15.
 * </ul>
 */
public final class ScoreRules {
  public static final int SAME_OCCUPATION = 40;
  public static final int SAME_PARENT = 25;
  public static final int SAME_DOMAIN = 20;
  public static final int DISTANCE_MAX = 20;
  public static final int DISTANCE_EDGE = 5;
  public static final int AVAILABLE = 20;
  public static final int AVAILABLE_SOON = 10;
  public static final int SOON_DAYS = 30;
  public static final int PER_YEAR = 4;
  public static final int MAX_YEARS = 5;
  public static final int PRIORITY_BOOST = 15;

  private ScoreRules() {}

  /** The occupation component, or empty when the occupations are unrelated. */
  public static Optional<MatchReason> occupation(
      String candidateRome, String candidateParent, String offerRome, String offerParent) {
    if (candidateRome == null || offerRome == null) {
      return Optional.empty();
    }
    if (candidateRome.equals(offerRome)) {
      return Optional.of(
          new MatchReason(MatchReason.Kind.SAME_OCCUPATION, SAME_OCCUPATION, offerRome));
    }
    if (candidateParent != null && candidateParent.equals(offerParent)) {
      return Optional.of(new MatchReason(MatchReason.Kind.SAME_PARENT, SAME_PARENT, candidateRome));
    }
    if (candidateRome.length() >= 3
        && offerRome.length() >= 3
        && candidateRome.regionMatches(0, offerRome, 0, 3)) {
      return Optional.of(
          new MatchReason(MatchReason.Kind.SAME_DOMAIN, SAME_DOMAIN, offerRome.substring(0, 3)));
    }
    return Optional.empty();
  }

  /** The distance component, or empty when the place is beyond the candidate's radius. */
  public static Optional<MatchReason> distance(double km, int radiusKm) {
    if (Double.isNaN(km) || km > radiusKm) {
      return Optional.empty();
    }
    double ratio = radiusKm <= 0 ? 0 : km / radiusKm;
    int points = (int) Math.round(DISTANCE_MAX - (DISTANCE_MAX - DISTANCE_EDGE) * ratio);
    String detail =
        String.format(Locale.ROOT, "%.0f km%s%d km", km, MatchReason.DISTANCE_SEPARATOR, radiusKm);
    return Optional.of(new MatchReason(MatchReason.Kind.DISTANCE, points, detail));
  }

  /** The availability component: null availability means available now. */
  public static MatchReason availability(LocalDate availableFrom, LocalDate start) {
    if (availableFrom == null || !availableFrom.isAfter(start)) {
      return new MatchReason(MatchReason.Kind.AVAILABLE, AVAILABLE, "");
    }
    if (!availableFrom.isAfter(start.plusDays(SOON_DAYS))) {
      return new MatchReason(
          MatchReason.Kind.AVAILABLE_SOON, AVAILABLE_SOON, availableFrom.toString());
    }
    return new MatchReason(MatchReason.Kind.AVAILABLE_LATER, 0, availableFrom.toString());
  }

  /** The experience component (null years count as none). */
  public static MatchReason experience(Integer years) {
    int y = years == null ? 0 : Math.max(0, years);
    return new MatchReason(
        MatchReason.Kind.EXPERIENCE, Math.min(y, MAX_YEARS) * PER_YEAR, String.valueOf(y));
  }

  /** The boost when the option is on and the candidate belongs to a priority public. */
  public static Optional<MatchReason> boost(
      boolean enabled, java.util.Collection<String> criteria) {
    if (!enabled || criteria == null || criteria.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MatchReason(
            MatchReason.Kind.PRIORITY_BOOST,
            PRIORITY_BOOST,
            String.join(", ", new java.util.TreeSet<>(criteria))));
  }
}
