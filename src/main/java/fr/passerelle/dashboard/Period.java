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
    long months = wholeMonths();
    if (months > 0) {
      YearMonth first = YearMonth.from(from).minusMonths(months);
      return new Period(first.atDay(1), YearMonth.from(from).minusMonths(1).atEndOfMonth());
    }
    return new Period(from.minusDays(days()), from.minusDays(1));
  }

  /** The number of whole months this period is made of; 0 when it is not made of whole months. */
  private long wholeMonths() {
    if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
      return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
    }
    return 0;
  }

  /** What the figures of a period show, and what their trend compares them with. */
  public record Comparison(Period current, Period previous) {}

  /**
   * Like with like on {@code today}: a period that is not over yet counts up to today, and is
   * compared with the same days of the period before — "Ce mois-ci" on the 6th of December is the
   * 1st–6th of December against the 1st–6th of November, not against the whole of November (whose
   * figures had 30 days to grow). A period over by today, or not begun, is compared with {@link
   * #previous()}.
   */
  public Comparison asOf(LocalDate today) {
    if (!to.isAfter(today) || from.isAfter(today)) {
      return new Comparison(this, previous());
    }
    Period before = previous();
    long months = wholeMonths();
    // whole months: the same date in the months before (31 March -> 28 February); else the same
    // number of days from the start
    LocalDate end =
        months > 0 ? today.minusMonths(months) : before.from().plusDays(days(from, today) - 1);
    if (end.isAfter(before.to())) {
      end = before.to();
    }
    return new Comparison(new Period(from, today), new Period(before.from(), end));
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}
