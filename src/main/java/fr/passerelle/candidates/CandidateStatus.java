package fr.passerelle.candidates;

import java.util.Locale;
import java.util.Optional;

/** Where a candidate stands in their search. */
public enum CandidateStatus {
  ACTIVE,
  IN_TRAINING,
  EMPLOYED,
  INACTIVE;

  /** Parses a code, case-insensitive; empty if unknown. */
  public static Optional<CandidateStatus> parse(String text) {
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
