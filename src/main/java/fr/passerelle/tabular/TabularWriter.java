package fr.passerelle.tabular;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/** Writes rows to a CSV (French Excel dialect) or xlsx file, streamed. */
public interface TabularWriter extends Closeable {
  void write(List<String> values);

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
