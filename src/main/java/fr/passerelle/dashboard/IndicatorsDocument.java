package fr.passerelle.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators as a plain tree of maps and lists (JSON of {@code stats --json}; the dashboard
 * shows the same values). Figures: {@code {"value": n, "previous": m}}; rates in percent.
 */
public final class IndicatorsDocument {
  private IndicatorsDocument() {}

  public static Map<String, Object> toMap(Indicators ind) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("from", ind.period().from().toString());
    doc.put("to", ind.period().to().toString());
    doc.put("previousFrom", ind.previous().from().toString());
    doc.put("previousTo", ind.previous().to().toString());
    doc.put("office", ind.officeId() == null ? null : ind.officeId().toString());
    Map<String, Object> figures = new LinkedHashMap<>();
    ind.figures()
        .forEach(
            (k, f) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("value", f.value());
              m.put("previous", f.previous());
              figures.put(k, m);
            });
    doc.put("figures", figures);
    Map<String, Object> rates = new LinkedHashMap<>();
    rates.put("attendancePct", ind.attendanceRate());
    rates.put("priorityInListsPct", ind.priorityShareInLists());
    rates.put("rqthInListsPct", ind.rqthShareInLists());
    rates.put("priorityInPoolPct", ind.priorityShareInPool());
    rates.put("rqthInPoolPct", ind.rqthShareInPool());
    doc.put("rates", rates);
    doc.put(
        "offersByMonth",
        ind.offersByMonth().stream()
            .map(
                p -> {
                  // in this order on every run (Map.of's order changes from one JVM to the next)
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("month", p.month().toString());
                  m.put("franceTravail", p.franceTravail());
                  m.put("tempAgency", p.tempAgency());
                  m.put("hardToFill", p.hardToFill());
                  return (Object) m;
                })
            .toList());
    List<Object> schemes =
        ind.trainingByScheme().stream()
            .map(
                s -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("scheme", s.scheme());
                  m.put("started", s.started());
                  m.put("completed", s.completed());
                  m.put("employedSixMonths", s.employedSixMonths());
                  return (Object) m;
                })
            .toList();
    doc.put("trainingByScheme", schemes);
    return doc;
  }
}
