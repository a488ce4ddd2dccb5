package fr.passerelle.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The wall clock the HLC reads (a fixed or offset clock in tests), and the time zone the office
 * reads its dates in: one setting for the whole installation (the office's, see {@code
 * office.OfficeService}; Europe/Paris unless set), never the machine's.
 */
@FunctionalInterface
public interface WallClock {
  /** The zone of an office that set none. */
  ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

  long millis();

  /** The office's time zone. */
  default ZoneId zone() {
    return DEFAULT_ZONE;
  }

  /** Today in the office's time zone. */
  default LocalDate today() {
    return LocalDate.ofInstant(Instant.ofEpochMilli(millis()), zone());
  }

  /** Now as an instant with the office's offset, for the time stamps the database keeps. */
  default java.time.OffsetDateTime offsetNow() {
    return java.time.OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis()), zone());
  }

  /** The office's local time now. */
  default LocalDateTime localNow() {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis()), zone());
  }

  static WallClock system() {
    return System::currentTimeMillis;
  }

  static WallClock of(Clock clock) {
    return clock::millis;
  }
}
