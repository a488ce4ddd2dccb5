package fr.passerelle.candidates;

import fr.passerelle.db.TextNorm;
import java.util.Optional;

/** How a person is addressed on letters and convocations; null when not said (ADR 0185). */
public enum Civility {
  MADAME,
  MONSIEUR;

  /** "Madame" / "Monsieur": how a spreadsheet or a letter writes it (the import reads it back). */
  public String words() {
    return this == MADAME ? "Madame" : "Monsieur";
  }

  /**
   * The civility a file or a form gives: the code, "Madame"/"Monsieur" or their usual short forms
   * ("Mme", "M.", "Mr"), case and accents ignored; empty for an empty text or an unknown one.
   */
  public static Optional<Civility> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (TextNorm.normalize(text).replace(" ", "")) {
      case "madame", "mme", "mad", "f" -> Optional.of(MADAME);
      case "monsieur", "m", "mr", "h" -> Optional.of(MONSIEUR);
      default -> Optional.empty();
    };
  }
}
