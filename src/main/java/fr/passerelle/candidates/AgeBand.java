package fr.passerelle.candidates;

import java.time.LocalDate;
import java.time.Period;

/**
 * The age groups France Travail's measures name — "moins de 26 ans" and "50 ans et plus" — computed
 * from the birth date on a given day, never typed (ADR 0185). A person without a birth date is in
 * no band.
 */
public enum AgeBand {
  UNDER_26,
  FROM_26_TO_49,
  FROM_50;

  /** The band of a person born on {@code birthDate} on {@code day}; null without a birth date. */
  public static AgeBand of(LocalDate birthDate, LocalDate day) {
    if (birthDate == null || day == null || birthDate.isAfter(day)) {
      return null;
    }
    int age = Period.between(birthDate, day).getYears();
    return age < 26 ? UNDER_26 : age >= 50 ? FROM_50 : FROM_26_TO_49;
  }

  /** The age in whole years on {@code day}; null without a birth date. */
  public static Integer age(LocalDate birthDate, LocalDate day) {
    if (birthDate == null || day == null || birthDate.isAfter(day)) {
      return null;
    }
    return Period.between(birthDate, day).getYears();
  }

  /**
   * The birth dates of this band on {@code day}, as an inclusive range {@code [from, to]} (either
   * end null = open): under 26 = born after the day 26 years ago; 50 and over = born on or before
   * the day 50 years ago.
   */
  public LocalDate[] birthDates(LocalDate day) {
    LocalDate turned26 = day.minusYears(26);
    LocalDate turned50 = day.minusYears(50);
    return switch (this) {
      case UNDER_26 -> new LocalDate[] {turned26.plusDays(1), day};
      case FROM_26_TO_49 -> new LocalDate[] {turned50.plusDays(1), turned26};
      case FROM_50 -> new LocalDate[] {null, turned50};
    };
  }
}
