package fr.passerelle.tabular;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from a row's cells, reporting what cannot be read with the line and the
 * column. Dates: ISO (2026-01-31) or French (31/01/2026); booleans: oui/non, yes/no, 1/0, x.
 */
public final class Cells {
  private static final DateTimeFormatter FR =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter FR_READ =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final java.util.regex.Pattern TWO_DIGIT_YEAR =
      java.util.regex.Pattern.compile("(\\d{1,2}/\\d{1,2}/)(\\d{2})");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private final TabularRow row;
  private final Map<String, Integer> columns;
  private final RowErrors errors;
  private boolean failed;

  public Cells(TabularRow row, Map<String, Integer> columns, RowErrors errors) {
    this.row = row;
    this.columns = columns;
    this.errors = errors;
  }

  public long line() {
    return row.line();
  }

  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** The trimmed text, "" when empty or absent. */
  public String text(String column) {
    Integer i = columns.get(column);
    return i == null ? "" : row.get(i).trim();
  }

  public void error(String column, String message) {
    error(column, message, null);
  }

  /** A refusal, in English ({@code message}) and for the window ({@code wording}). */
  public void error(String column, String message, Wording wording) {
    failed = true;
    errors.add(row.line(), column, text(column), message, wording);
  }

  /** Reports that the value of {@code column} was changed to {@code to}, and why. */
  public void corrected(String column, String from, String to, String why) {
    corrected(column, from, to, why, null);
  }

  /** A correction, said in English ({@code why}) and for the window ({@code wording}). */
  public void corrected(String column, String from, String to, String why, Wording wording) {
    errors.corrected(row.line(), column, from, to, why, wording);
  }

  /** True when an error was reported for this row. */
  public boolean failed() {
    return failed;
  }

  public LocalDate date(String column) {
    return date(column, text(column));
  }

  public LocalDate date(String column, String t) {
    if (t.isEmpty()) {
      return null;
    }
    var twoDigits = TWO_DIGIT_YEAR.matcher(t);
    if (twoDigits.matches()) {
      // a spreadsheet's short date (14/03/90): Excel's rule, 00-29 → 2000s, 30-99 → 1900s
      int yy = Integer.parseInt(twoDigits.group(2));
      String full = twoDigits.group(1) + (yy < 30 ? 2000 + yy : 1900 + yy);
      try {
        LocalDate d = LocalDate.parse(full, FR_READ);
        corrected(
            column,
            t,
            FR.format(d),
            "two-digit year read as " + d.getYear(),
            Wording.of("import.corrected.twoDigitYear", d.getYear()));
        return d;
      } catch (DateTimeParseException e) {
        // reported below as not a date
      }
    }
    try {
      return LocalDate.parse(t, t.contains("/") ? FR_READ : ISO);
    } catch (DateTimeParseException e) {
      error(
          column,
          "\"" + t + "\" is not a date (expected 31/01/2026 or 2026-01-31)",
          Wording.of("import.error.notADate", t));
      return null;
    }
  }

  public Integer integer(String column) {
    return integer(column, text(column));
  }

  public Integer integer(String column, String t) {
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(t.replace(" ", "").replace("\u00a0", ""));
    } catch (NumberFormatException e) {
      error(
          column, "\"" + t + "\" is not a whole number", Wording.of("import.error.notANumber", t));
      return null;
    }
  }

  public Boolean bool(String column) {
    String t = text(column).toLowerCase(Locale.ROOT);
    return switch (t) {
      case "" -> null;
      case "oui", "o", "yes", "y", "true", "vrai", "1", "x" -> true;
      case "non", "n", "no", "false", "faux", "0" -> false;
      default -> {
        error(
            column,
            "\"" + text(column) + "\" is not oui/non",
            Wording.of("import.error.notYesNo", text(column)));
        yield null;
      }
    };
  }

  /** French date, as the CSV export writes it and French Excel reads it: 31/01/2026. */
  public static String french(LocalDate d) {
    return d == null ? "" : FR.format(d);
  }

  public static String format(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  public static String format(Boolean b) {
    return b == null ? "" : b ? "oui" : "non";
  }

  public static String format(Integer i) {
    return i == null ? "" : i.toString();
  }
}
