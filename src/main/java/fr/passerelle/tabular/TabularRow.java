package fr.passerelle.tabular;

import java.util.List;

/**
 * One data row of a file: its line (CSV: the physical line it starts on; xlsx: the row number as
 * Excel shows it) and its cell texts (never null; "" for an empty cell).
 */
public record TabularRow(long line, List<String> values) {
  public String get(int column) {
    return column < values.size() ? values.get(column) : "";
  }
}
