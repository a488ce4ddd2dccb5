package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.occupations.OccupationHit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "occupations",
    description = "The ROME 4.0 referential.",
    subcommands = {OccupationsCommand.Search.class})
final class OccupationsCommand {
  @Command(name = "search", description = "ROME codes by label or job title, accents ignored.")
  static final class Search extends ServiceCommand {
    @Parameters(arity = "1..*", paramLabel = "TEXT")
    List<String> words;

    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      List<OccupationHit> hits = services.occupations().search(String.join(" ", words));
      if (json) {
        Json.print(out(), hits);
      } else if (hits.isEmpty()) {
        out().println("No occupation matches \"" + String.join(" ", words) + "\".");
      } else {
        for (OccupationHit h : hits) {
          out()
              .printf(
                  "%s  %s%s%n",
                  h.romeCode(),
                  h.label(),
                  h.matchedTitle() == null ? "" : "  (" + h.matchedTitle() + ")");
        }
      }
      return 0;
    }
  }
}
