package fr.passerelle.offers;

import java.util.List;

/**
 * The hard-to-fill signal of one offer: the computed reasons, the counselor's override if any, and
 * the effective flag (the override wins over the computation).
 */
public record HardToFill(
    List<Reason> reasons, Boolean override, String overrideReason, int candidatesInReach) {

  /**
   * One reason with the figure behind it: days open, candidates in reach, BMO difficult share (%);
   * {@code label} is the office's tension note or the BMO family label (may be null).
   */
  public record Reason(HardToFillReason kind, double value, String label) {
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

  public boolean computed() {
    return !reasons.isEmpty();
  }

  public boolean effective() {
    return override != null ? override : computed();
  }

  public boolean overridden() {
    return override != null;
  }
}
