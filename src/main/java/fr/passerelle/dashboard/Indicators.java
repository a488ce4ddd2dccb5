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

  /**
   * True when every figure is there; the dashboard's first figures leave out those that need the
   * whole candidate pool (the lists' and the pool's, hard to fill), computed next (ADR 0209).
   */
  public boolean complete() {
    return figures.keySet().containsAll(StatsService.FIGURE_KEYS);
  }

  /** part / whole in percent (one decimal), or null when the whole is zero. */
  public static Double pct(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /** Present candidates / registered candidates of held meetings, in percent. */
  public Double attendanceRate() {
    return share("meetings.present", "meetings.registered");
  }

  public Double priorityShareInLists() {
    return share("sourcing.priority", "sourcing.candidates");
  }

  public Double rqthShareInLists() {
    return share("sourcing.rqth", "sourcing.candidates");
  }

  public Double priorityShareInPool() {
    return share("pool.priority", "pool.candidates");
  }

  public Double rqthShareInPool() {
    return share("pool.rqth", "pool.candidates");
  }

  /** {@link #pct} of two figures, null when either is not computed yet. */
  private Double share(String part, String whole) {
    Figure p = figures.get(part);
    Figure w = figures.get(whole);
    return p == null || w == null ? null : pct(p.value(), w.value());
  }
}
