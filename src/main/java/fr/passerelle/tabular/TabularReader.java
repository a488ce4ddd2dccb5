package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the rows of a CSV or xlsx file, never all in memory. Problems with the file as a whole
 * (encoding, separator, malformed CSV, not a spreadsheet) are {@link InvalidInputException}s that
 * name the file and the line.
 */
public interface TabularReader extends Closeable {
  /** The header row's cell texts, trimmed. */
  List<String> header();

  /** The next data row, or null at the end. Blank rows are skipped. */
  TabularRow next();

  /** The text encoding the file was read in ("Windows-1252 (ANSI)"), or null for a workbook. */
  default String encoding() {
    return null;
  }

  /** How far into the file we are, for progress: 0..1, or -1 if unknown. */
  double fraction();

  @Override
  void close();

  static TabularReader open(Path file) {
    return switch (TabularFormat.of(file)) {
      case CSV -> new CsvReader(file);
      case XLSX -> new XlsxReader(file);
    };
  }
}
