package fr.passerelle.sync.ui;

import fr.passerelle.core.DateFormats;
import fr.passerelle.ui.Messages;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A conflict's fields and values as a counselor reads them: "nom", not "last name"; "oui", a date
 * in the French way and "(vide)", not "true", "2026-12-08" and "null".
 */
final class ConflictWording {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

  private final Messages m;
  private final DateTimeFormatter day;
  private final DateTimeFormatter dayTime;

  ConflictWording(Messages m) {
    this.m = m;
    this.day = DateFormats.date(m.locale());
    this.dayTime = DateFormats.dateTime(m.locale());
  }

  /** The field's name ({@code sync.field.COLUMN}), or the column's own in words if it has none. */
  String field(String column) {
    String key = "sync.field." + column;
    return m.has(key) ? m.get(key) : column.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A value of the row as the file or the database gives it, in words. */
  String value(String raw) {
    if (raw == null || raw.isEmpty()) {
      return m.get("sync.value.empty");
    }
    if (raw.equals("true") || raw.equals("false")) {
      return m.get("sync.value." + raw);
    }
    try {
      if (DATE.matcher(raw).matches()) {
        return day.format(LocalDate.parse(raw));
      }
      if (DATE_TIME.matcher(raw).matches()) {
        return dayTime.format(dateTime(raw));
      }
    } catch (DateTimeParseException e) {
      return raw; // not a date after all: as it is
    }
    return raw;
  }

  /** A time with its offset (as written, the hour the office saw) or without one. */
  private static LocalDateTime dateTime(String raw) {
    try {
      return OffsetDateTime.parse(raw).toLocalDateTime();
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(raw);
    }
  }
}
