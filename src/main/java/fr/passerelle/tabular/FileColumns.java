package fr.passerelle.tabular;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of one kind of file (candidates, offers): the codes in the export's order, the French
 * header of each, the size of its database field (others take 4,000) and the columns a header must
 * have. The export writes {@link #header()}; the import accepts a column's code or its header,
 * accents, case and punctuation ignored.
 */
public record FileColumns(
    List<String> codes,
    Map<String, String> labels,
    Map<String, Integer> maxLengths,
    Set<String> required) {

  /** The size of a column no map names. */
  public static final int DEFAULT_MAX_LENGTH = 4000;

  public FileColumns {
    codes = List.copyOf(codes);
    labels = Map.copyOf(labels);
    maxLengths = Map.copyOf(maxLengths);
    required = Set.copyOf(required);
  }

  /** The export's header: the labels in column order (the code where a column has none). */
  public List<String> header() {
    return codes.stream().map(c -> labels.getOrDefault(c, c)).toList();
  }

  /** The longest value {@code code} takes, in characters. */
  public int maxLength(String code) {
    return maxLengths.getOrDefault(code, DEFAULT_MAX_LENGTH);
  }
}
