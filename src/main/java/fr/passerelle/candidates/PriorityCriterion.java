package fr.passerelle.candidates;

import java.util.Locale;
import java.util.Optional;

/** Priority publics. RQTH (recognised disability) is health data: sensitive. */
public enum PriorityCriterion {
  RQTH(true),
  DELD(false),
  DETLD(false),
  RSA(false),
  ASS(false),
  AAH(true),
  QPV(false),
  YOUTH(false),
  SENIOR(false);

  private final boolean sensitive;

  PriorityCriterion(boolean sensitive) {
    this.sensitive = sensitive;
  }

  /** Health data: shown masked, sent to partners only with the separate sensitive consent. */
  public boolean sensitive() {
    return sensitive;
  }

  public static Optional<PriorityCriterion> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
