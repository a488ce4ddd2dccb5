package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.dashboard.DashboardReport;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.Period;
import fr.passerelle.office.Office;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    description =
        "Write the dashboard's one-page steering report (PDF/A), as the Tableau de bord prints it.")
final class ReportCommand extends ServiceCommand {
  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description =
          "this-month (default), last-month, this-quarter, this-year, last-12-months, a month"
              + " (2026-03) or FROM..TO (2026-01-01..2026-03-31).")
  String period = "this-month";

  @Option(names = "--office", paramLabel = "OFFICE_ID", description = "One office (default: all).")
  String office;

  @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
  Path out;

  @Override
  protected int run(Services services) {
    LocalDate today = services.clock().today();
    Period p = parse(period, today);
    UUID officeId = StatsCommand.officeId(office);
    String scope =
        officeId == null
            ? "Toutes les agences"
            : services
                .offices()
                .find(officeId)
                .map(Office::name)
                .orElseThrow(
                    () ->
                        new InvalidInputException("--office: no office with id " + officeId + "."));
    Indicators ind = services.stats().indicators(p, officeId);
    ZonedDateTime printedAt = services.clock().localNow().atZone(services.clock().zone());
    MeetingIds.writeFile(out, o -> new DashboardReport().write(ind, scope, printedAt, o));
    out()
        .printf(
            "Steering report %s .. %s (%s) written to %s%n",
            p.from(), p.to(), scope, out.toAbsolutePath());
    return 0;
  }

  static Period parse(String text, LocalDate today) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      return switch (t) {
        case "this-month" -> Period.of(Period.Preset.THIS_MONTH, today);
        case "last-month" -> Period.of(Period.Preset.LAST_MONTH, today);
        case "this-quarter" -> Period.of(Period.Preset.THIS_QUARTER, today);
        case "this-year" -> Period.of(Period.Preset.THIS_YEAR, today);
        case "last-12-months" -> Period.of(Period.Preset.LAST_12_MONTHS, today);
        default -> {
          if (t.matches("\\d{4}-\\d{2}")) {
            YearMonth m = YearMonth.parse(t);
            yield new Period(m.atDay(1), m.atEndOfMonth());
          }
          String[] parts = t.split("\\.\\.", -1);
          if (parts.length != 2) {
            throw new InvalidInputException(
                "--period: \""
                    + text
                    + "\" is not a period (this-month, last-month, this-quarter, this-year,"
                    + " last-12-months, 2026-03 or 2026-01-01..2026-03-31).");
          }
          yield new Period(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
        }
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw new InvalidInputException("--period: \"" + text + "\": " + e.getMessage() + ".");
    }
  }
}
