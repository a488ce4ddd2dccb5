package fr.passerelle.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** A period of whole days, both ends included. */
public record Period(LocalDate from, LocalDate to) {
  public Period {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a period needs both dates");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** The named presets of the dashboard. */
  public enum Preset {
    THIS_MONTH,
    LAST_MONTH,
    THIS_QUARTER,
    THIS_YEAR,
    LAST_12_MONTHS,
    CUSTOM
  }

  public static Period of(Preset preset, LocalDate today) {
    YearMonth m = YearMonth.from(today);
    return switch (preset) {
      case THIS_MONTH, CUSTOM -> new Period(m.atDay(1), m.atEndOfMonth());
      case LAST_MONTH -> new Period(m.minusMonths(1).atDay(1), m.minusMonths(1).atEndOfMonth());
      case THIS_QUARTER -> {
        int q = (today.getMonthValue() - 1) / 3;
        LocalDate start = LocalDate.of(today.getYear(), q * 3 + 1, 1);
        yield new Period(start, start.plusMonths(3).minusDays(1));
      }
      case THIS_YEAR ->
          new Period(today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear()));
      case LAST_12_MONTHS -> new Period(m.minusMonths(11).atDay(1), m.atEndOfMonth());
    };
  }

  /** Number of days, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The period the trend compares with: the same number of whole months just before when this one
   * is made of whole months, else the same number of days just before.
   */
  public Period previous() {
    if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
      long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
      YearMonth first = YearMonth.from(from).minusMonths(months);
      return new Period(first.atDay(1), YearMonth.from(from).minusMonths(1).atEndOfMonth());
    }
    return new Period(from.minusDays(days()), from.minusDays(1));
  }
}
