package fr.passerelle.offers;

import java.util.List;

/**
 * The hard-to-fill signal of one offer: the computed reasons (strongest first), their score, the
 * counselor's override if any, and the effective flag (the override wins over the computation).
 * This is the one definition of "hard to fill": offers, training and the dashboard read it from
 * {@link HardToFillService} (ADR 0130).
 */
public record HardToFill(
    List<Reason> reasons, Boolean override, String overrideReason, int candidatesInReach) {

  /**
   * The score from which an offer is computed hard to fill. The occupation-wide facts give at most
   * 2: an offer is flagged only with a fact about itself, and a weak one (open a little long, a few
   * candidates in reach) only with a second reason. Calibration on the demo data: ADR 0130.
   */
  public static final int FLAG_SCORE = 3;

  /** The sum of the reasons' points (0 without reasons). */
  public int score() {
    return reasons.stream().mapToInt(Reason::points).sum();
  }

  /**
   * One reason with the figure behind it: days open, candidates in reach, BMO difficult share (%);
   * {@code label} is the office's tension note or the BMO family label (may be null); {@code
   * points} what it adds to the score (1, or 2 for a strong offer fact).
   */
  public record Reason(HardToFillReason kind, double value, String label, int points) {
    /** English text for the command line. */
    public String describe() {
      return switch (kind) {
        case OPEN_LONG -> "open for " + (long) value + " days";
        case FEW_CANDIDATES -> (long) value + " candidates within reach";
        case OCCUPATION_IN_TENSION ->
            "occupation in tension at this office" + (label == null ? "" : " (" + label + ")");
        case BMO_DIFFICULT -> "BMO: " + value + " % difficult recruitments (" + label + ")";
      };
    }
  }

  /** True if the reasons reach {@link #FLAG_SCORE}: the computation says "hard to fill". */
  public boolean computed() {
    return score() >= FLAG_SCORE;
  }

  public boolean effective() {
    return override != null ? override : computed();
  }

  public boolean overridden() {
    return override != null;
  }
}
