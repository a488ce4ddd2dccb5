package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.ReferenceLookup;
import fr.passerelle.db.TextNorm;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * A commune typed by name or postal code, completed from the reference data ("31555 Toulouse"): the
 * form's commune and the commune filter share it.
 */
final class CommuneCompletion {
  private CommuneCompletion() {}

  /** Suggests communes under {@code field}; {@code picked} receives the INSEE code chosen. */
  static void bind(TextField field, Supplier<ReferenceLookup> reference, Consumer<String> picked) {
    TextFields.bindAutoCompletion(
            field,
            req -> {
              String t = req.getUserText();
              if (t == null || t.trim().length() < 2) {
                return List.of();
              }
              String norm = TextNorm.normalize(t);
              return reference.get().communes().stream()
                  .filter(c -> c.nameNorm().startsWith(norm) || c.postalCodes().contains(t.trim()))
                  .limit(15)
                  .map(c -> c.inseeCode() + " " + c.name())
                  .toList();
            })
        .setOnAutoCompleted(e -> picked.accept(e.getCompletion().split(" ")[0]));
  }

  /**
   * The commune a filter's text designates: an INSEE code, a suggestion picked ("31555 Toulouse")
   * or a name only one commune bears.
   */
  static Optional<ReferenceLookup.Commune> resolve(ReferenceLookup ref, String text) {
    String t = text == null ? "" : text.trim();
    String first = t.split(" ", 2)[0];
    if (first.matches("\\d[0-9AB]\\d{3}")) {
      return ref.commune(first);
    }
    return ref.resolveCommune(t);
  }
}
