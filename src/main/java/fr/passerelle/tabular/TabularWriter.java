package fr.passerelle.tabular;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes rows to a CSV (French Excel dialect) or xlsx file, streamed. A row's values are typed: a
 * {@link java.time.LocalDate} is a date cell (31/01/2026 in CSV), a {@link Number} a number cell, a
 * {@link Boolean} "oui"/"non", anything else text (codes, phone numbers and ids stay text, so their
 * leading zeros survive); null is an empty cell.
 */
public interface TabularWriter extends Closeable {
  void write(List<?> values);

  @Override
  void close();

  static TabularWriter open(Path file, String sheetName, List<String> header) {
    TabularWriter w =
        switch (TabularFormat.of(file)) {
          case CSV -> new CsvWriter(file);
          case XLSX -> new XlsxWriter(file, sheetName);
        };
    w.write(header);
    return w;
  }
}
