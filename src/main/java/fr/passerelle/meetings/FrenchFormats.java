package fr.passerelle.meetings;

import fr.passerelle.core.DateFormats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The French formats of docs/ui-guidelines.md: {@code lun. 8 déc. 2025}, {@code 14:30}. */
public final class FrenchFormats {
  private static final DateTimeFormatter DATE = DateFormats.weekdayDate(Locale.FRENCH);
  private static final DateTimeFormatter LONG_DATE = DateFormats.longDate(Locale.FRENCH);
  private static final DateTimeFormatter TIME = DateFormats.TIME;

  private FrenchFormats() {}

  /** {@code lun. 8 déc. 2025} */
  public static String date(LocalDate d) {
    return DATE.format(d);
  }

  /** {@code lundi 8 décembre 2025} */
  public static String longDate(LocalDate d) {
    return LONG_DATE.format(d);
  }

  /** {@code 14:30} */
  public static String time(LocalTime t) {
    return TIME.format(t);
  }

  /** {@code 09:30 – 12:00}, or both dates when the meeting runs over several days. */
  public static String span(LocalDateTime start, LocalDateTime end) {
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return time(start.toLocalTime()) + " – " + time(end.toLocalTime());
    }
    return time(start.toLocalTime())
        + " – "
        + date(end.toLocalDate())
        + " "
        + time(end.toLocalTime());
  }

  /** {@code 12,5 %} */
  public static String percent(double ratio) {
    return String.format(Locale.FRENCH, "%.1f %%", ratio * 100).replace('\u202f', ' ');
  }
}
