package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.IndicatorsDocument;
import fr.passerelle.dashboard.Period;
import fr.passerelle.dashboard.StatsService;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "stats",
    description =
        "Row counts and the partnership's indicators (the dashboard's figures). Default period:"
            + " this month.")
final class StatsCommand extends ServiceCommand {
  @Option(names = "--json")
  boolean json;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the period.")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period.")
  String to;

  @Option(names = "--office", paramLabel = "OFFICE_ID", description = "One office (default: all).")
  String office;

  @Override
  protected int run(Services services) {
    StatsService stats = services.stats();
    Map<String, Integer> counts = stats.rowCounts();
    Indicators ind = stats.indicators(period(stats.today()), officeId());
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("rows", counts);
      doc.put("indicators", IndicatorsDocument.toMap(ind));
      Json.print(out(), doc);
    } else {
      counts.forEach((table, n) -> out().printf("%-22s %,d%n", table, n));
      out().printf("%nIndicators %s .. %s%n", ind.period().from(), ind.period().to());
      ind.figures()
          .forEach(
              (k, f) ->
                  out()
                      .printf(
                          "%-28s %,10d%s%n",
                          k,
                          f.value(),
                          f.trend() == null ? "" : String.format("  (%+d)", f.trend())));
      out().printf("%-28s %10s%n", "meetings.attendancePct", ind.attendanceRate());
    }
    return 0;
  }

  private Period period(LocalDate today) {
    Period month = Period.of(Period.Preset.THIS_MONTH, today);
    LocalDate f = from == null ? month.from() : date("--from", from);
    LocalDate t = to == null ? (from == null ? month.to() : today) : date("--to", to);
    if (t.isBefore(f)) {
      throw new InvalidInputException("--to: " + t + " is before --from " + f + ".");
    }
    return new Period(f, t);
  }

  private static LocalDate date(String opt, String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(opt + ": \"" + v + "\" is not a date (YYYY-MM-DD).");
    }
  }

  private UUID officeId() {
    return officeId(office);
  }

  /** The --office option's id, null when absent; exit 2 when it is not an id. */
  static UUID officeId(String office) {
    if (office == null) {
      return null;
    }
    try {
      return UUID.fromString(office);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--office: \"" + office + "\" is not an office id.");
    }
  }
}
