package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/** The spreadsheet formats a counselor exchanges: French-Excel CSV and .xlsx. */
public enum TabularFormat {
  CSV,
  XLSX;

  /** By file extension; anything else is refused (exit 2). */
  public static TabularFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".xlsx")) {
      return XLSX;
    }
    if (name.endsWith(".xls")) {
      throw new InvalidInputException(
              file + ": old Excel format (.xls) is not supported: save it as .xlsx or CSV UTF-8")
          .keyed("import.file.xls", name(file));
    }
    throw new InvalidInputException(file + ": expected a .csv or .xlsx file")
        .keyed("import.file.kind", name(file));
  }

  /** The file's name as the window says it (not its whole path). */
  static String name(Path file) {
    Path n = file == null ? null : file.getFileName();
    return n == null ? String.valueOf(file) : n.toString();
  }
}
