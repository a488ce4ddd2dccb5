package fr.passerelle.core;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date and time formats shown to people and written in file names: one place for the patterns
 * of docs/ui-guidelines.md ("Formats"). Input files are parsed with their own, more lenient,
 * patterns ({@code tabular/Cells}, a time typed in a form).
 */
public final class DateFormats {
  /** {@code 08/12/2025}: a day in a table, a CSV, a search hit. */
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** {@code 08/12/2025 14:30}. */
  public static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** {@code 08/12/2025 14:30:05}: the audit trail. */
  public static final DateTimeFormatter DAY_TIME_SECONDS =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  /** {@code 14:30}. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** {@code 20251208-143005}: in the name of a file (a backup, a sync file), sorts by time. */
  public static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** {@code 20251208-143005-120}: an automatic backup's file name (several a second). */
  public static final DateTimeFormatter FILE_STAMP_MILLIS =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  /** A time as typed in a form: {@code 9:30} or {@code 09:30}. */
  public static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm");

  private DateFormats() {}

  /** {@code janv. 2026}: a month on a chart's axis. */
  public static DateTimeFormatter monthYear(Locale locale) {
    return DateTimeFormatter.ofPattern("MMM yyyy", locale);
  }

  /** {@code 8 déc. 2025}. */
  public static DateTimeFormatter date(Locale locale) {
    return DateTimeFormatter.ofPattern("d MMM yyyy", locale);
  }

  /** {@code 8 déc. 2025 14:30}. */
  public static DateTimeFormatter dateTime(Locale locale) {
    return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale);
  }

  /** {@code lun. 8 déc. 2025}. */
  public static DateTimeFormatter weekdayDate(Locale locale) {
    return DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale);
  }

  /** {@code lun. 8 déc. 2025 14:30}. */
  public static DateTimeFormatter weekdayDateTime(Locale locale) {
    return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale);
  }

  /** {@code lundi 8 décembre 2025}. */
  public static DateTimeFormatter longDate(Locale locale) {
    return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
  }
}
