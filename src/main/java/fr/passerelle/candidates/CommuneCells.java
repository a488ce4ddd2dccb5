package fr.passerelle.candidates;

import fr.passerelle.tabular.Cells;
import fr.passerelle.tabular.Wording;
import java.util.Optional;

/**
 * The commune a cell of an imported file names — an INSEE code or a name one commune bears — or the
 * refusal said on the cell: a name several communes bear, or none (candidates and offers files
 * alike).
 */
public final class CommuneCells {
  private CommuneCells() {}

  /**
   * The INSEE code {@code text} designates, or empty with the refusal reported on {@code column};
   * {@code keys} is the prefix of the window's wording ({@code import.error.offers.}), followed by
   * {@code communeAmbiguous} or {@code communeUnknown}.
   */
  public static Optional<String> read(
      ReferenceLookup ref, Cells c, String column, String text, String keys) {
    var found = ref.resolveCommune(text);
    if (found.isPresent()) {
      return Optional.of(found.get().inseeCode());
    }
    int n = ref.communesNamed(text).size();
    c.error(
        column,
        n > 1
            ? "\"" + text + "\": " + n + " communes have this name: give the INSEE code"
            : "unknown commune \"" + text + "\" (INSEE code or name)",
        n > 1
            ? Wording.of(keys + "communeAmbiguous", text, n)
            : Wording.of(keys + "communeUnknown", text));
    return Optional.empty();
  }
}
