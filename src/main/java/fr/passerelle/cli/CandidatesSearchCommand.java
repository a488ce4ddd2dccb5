package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    description = "The same search as the Candidates view: name, commune, occupation or job title.")
final class CandidatesSearchCommand extends ServiceCommand {
  @Parameters(arity = "1..*", paramLabel = "TEXT")
  List<String> words;

  @Option(names = "--limit", defaultValue = "50", description = "At most this many (default 50).")
  int limit;

  @Option(names = "--json")
  boolean json;

  @Override
  protected int run(Services services) {
    CandidateSearch candidates = services.candidateSearch();
    String text = String.join(" ", words);
    List<CandidateSummary> hits = candidates.search(CandidateQuery.text(text), 0, limit);
    if (json) {
      Json.print(out(), hits);
    } else if (hits.isEmpty()) {
      out().println("No candidate matches \"" + text + "\".");
    } else {
      for (CandidateSummary s : hits) {
        out()
            .printf(
                "%s  %-32s %-10s %-24s %s%n",
                s.id(),
                s.displayName(),
                s.birthDate() == null ? "" : s.birthDate(),
                s.communeName(),
                s.occupations());
      }
    }
    return 0;
  }
}
