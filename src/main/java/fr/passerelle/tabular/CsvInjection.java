package fr.passerelle.tabular;

/**
 * CSV (formula) injection, as OWASP recommends: a text cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is written with an apostrophe in front, so that
 * Excel or LibreOffice opening the export shows it as text instead of running it as a formula
 * ({@code =HYPERLINK(…)}, {@code +cmd|…}). The import takes that apostrophe off again, so a round
 * trip changes nothing. Numbers and dates written as such are not text and are left alone; .xlsx
 * exports write text cells, never formulas, and need no prefix.
 */
public final class CsvInjection {
  private static final String TRIGGERS = "=+-@\t\r";

  private CsvInjection() {}

  /** The value as it is safe to write in a CSV cell. */
  public static String neutralise(String v) {
    if (v == null || v.isEmpty() || TRIGGERS.indexOf(v.charAt(0)) < 0) {
      return v;
    }
    return "'" + v;
  }

  /** The value an export wrote with {@link #neutralise}, as it was. */
  public static String restore(String v) {
    if (v.length() > 1 && v.charAt(0) == '\'' && TRIGGERS.indexOf(v.charAt(1)) >= 0) {
      return v.substring(1);
    }
    return v;
  }
}
