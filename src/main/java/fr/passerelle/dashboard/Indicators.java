package fr.passerelle.dashboard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The partnership's indicators for one period and office (null = every office). {@code period} is
 * the period counted (cut at today when it is not over: {@link Period#asOf}), {@code previous} the
 * one the trends compare with. {@code figures} holds the counts under the keys of {@link
 * StatsService#FIGURE_KEYS}; the rates are derived from them. See docs/training-and-dashboard.md
 * for the definitions.
 */
public record Indicators(
    Period period,
    Period previous,
    UUID officeId,
    Map<String, Figure> figures,
    List<MonthPoint> offersByMonth,
    List<SchemeRow> trainingByScheme) {

  public long value(String key) {
    return figures.get(key).value();
  }

  /** part / whole in percent (one decimal), or null when the whole is zero. */
  public static Double pct(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /** Present candidates / registered candidates of held meetings, in percent. */
  public Double attendanceRate() {
    return pct(value("meetings.present"), value("meetings.registered"));
  }

  public Double priorityShareInLists() {
    return pct(value("sourcing.priority"), value("sourcing.candidates"));
  }

  public Double rqthShareInLists() {
    return pct(value("sourcing.rqth"), value("sourcing.candidates"));
  }

  public Double priorityShareInPool() {
    return pct(value("pool.priority"), value("pool.candidates"));
  }

  public Double rqthShareInPool() {
    return pct(value("pool.rqth"), value("pool.candidates"));
  }
}
