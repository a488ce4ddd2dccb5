package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.StatsService;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", description = "Row counts and the partnership's indicators.")
final class StatsCommand extends ServiceCommand {
  @Option(names = "--json")
  boolean json;

  @Override
  protected int run(Services services) {
    Map<String, Integer> counts = new StatsService(services.db().dsl()).rowCounts();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("rows", counts);
      Json.print(out(), doc);
    } else {
      counts.forEach((table, n) -> out().printf("%-22s %,d%n", table, n));
    }
    return 0;
  }
}
