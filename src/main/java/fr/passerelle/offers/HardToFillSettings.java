package fr.passerelle.offers;

/**
 * Thresholds of the hard-to-fill rules, kept in the local {@code setting} table (names below);
 * defaults apply when unset.
 */
public record HardToFillSettings(int openDays, int minCandidates, double bmoSharePct) {
  public static final String OPEN_DAYS = "offers.hardToFill.openDays";
  public static final String MIN_CANDIDATES = "offers.hardToFill.minCandidates";
  public static final String BMO_SHARE = "offers.hardToFill.bmoSharePct";
  public static final HardToFillSettings DEFAULTS = new HardToFillSettings(60, 5, 60.0);
}
