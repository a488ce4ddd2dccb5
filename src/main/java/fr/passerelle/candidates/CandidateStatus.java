package fr.passerelle.candidates;

import java.util.Locale;
import java.util.Optional;

/** Where a candidate stands in their search. */
public enum CandidateStatus {
  ACTIVE,
  IN_TRAINING,
  EMPLOYED,
  INACTIVE;

  /**
   * A status as a spreadsheet gives it: the code, or the words the window shows ("En recherche",
   * "en formation", "En emploi", "Inactif"; accents and case ignored); empty if unknown.
   */
  public static Optional<CandidateStatus> fromFile(String text) {
    Optional<CandidateStatus> code = parse(text);
    if (code.isPresent() || text == null) {
      return code;
    }
    return switch (fr.passerelle.db.TextNorm.normalize(text)) {
      case "en recherche", "actif", "active" -> Optional.of(ACTIVE);
      case "en formation" -> Optional.of(IN_TRAINING);
      case "en emploi" -> Optional.of(EMPLOYED);
      case "inactif", "inactive" -> Optional.of(INACTIVE);
      default -> Optional.empty();
    };
  }

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
