package fr.passerelle.dashboard;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data behind each chart of the dashboard as Excel-FR CSV: UTF-8 with a BOM, semicolons,
 * percentages with a decimal comma.
 */
public final class DashboardCsv {
  /** The charts of the dashboard, in display order. */
  public enum Chart {
    OFFERS,
    SOURCING,
    MEETINGS,
    TRAINING
  }

  private DashboardCsv() {}

  public static void write(Chart chart, Indicators ind, Writer out) throws IOException {
    out.write('\uFEFF');
    CSVFormat fmt =
        CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").build();
    try (CSVPrinter p = new CSVPrinter(out, fmt)) {
      switch (chart) {
        case OFFERS -> {
          p.printRecord(
              "mois",
              "offres France Travail",
              "offres agences d'emploi",
              "difficiles à pourvoir (fin de mois)");
          for (MonthPoint m : ind.offersByMonth()) {
            p.printRecord(m.month(), m.franceTravail(), m.tempAgency(), m.hardToFill());
          }
        }
        case SOURCING -> {
          p.printRecord(
              "population",
              "personnes",
              "publics prioritaires",
              "RQTH",
              "part prioritaires (%)",
              "part RQTH (%)");
          p.printRecord(
              "listes de sourcing",
              ind.value("sourcing.candidates"),
              ind.value("sourcing.priority"),
              ind.value("sourcing.rqth"),
              pct(ind.priorityShareInLists()),
              pct(ind.rqthShareInLists()));
          p.printRecord(
              "vivier",
              ind.value("pool.candidates"),
              ind.value("pool.priority"),
              ind.value("pool.rqth"),
              pct(ind.priorityShareInPool()),
              pct(ind.rqthShareInPool()));
        }
        case MEETINGS -> {
          p.printRecord("indicateur", "période", "période précédente");
          for (String k :
              new String[] {"meetings.held", "meetings.registered", "meetings.present"}) {
            Figure f = ind.figures().get(k);
            p.printRecord(k, f.value(), f.previous());
          }
          p.printRecord("taux de présence (%)", pct(ind.attendanceRate()), "");
        }
        case TRAINING -> {
          p.printRecord(
              "financement",
              "entrées en formation",
              "formations terminées",
              "en emploi à six mois");
          for (SchemeRow r : ind.trainingByScheme()) {
            p.printRecord(r.scheme(), r.started(), r.completed(), r.employedSixMonths());
          }
        }
      }
    }
  }

  private static String pct(Double v) {
    return v == null ? "" : String.valueOf(v).replace('.', ',');
  }
}
