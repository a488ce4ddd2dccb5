package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.offers.CandidateMatch;
import fr.passerelle.offers.MatchReason;
import fr.passerelle.offers.MatchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code offers match OFFER_ID [--limit N] [--boost-priority] [--json]}. */
@Command(name = "match", description = "Candidates ranked for an offer, with score and reasons.")
final class OffersMatchCommand extends ServiceCommand {
  @Parameters(paramLabel = "OFFER_ID")
  String offerId;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N candidates (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--boost-priority",
      description = "Give priority publics (RQTH, DELD/DETLD, RSA, QPV...) a boost.")
  boolean boost;

  @Option(names = "--json")
  boolean json;

  @Override
  protected int run(Services services) {
    UUID id;
    try {
      id = UUID.fromString(offerId);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("OFFER_ID: not an offer id: " + offerId);
    }
    if (limit < 1) {
      err().println("--limit: must be at least 1");
      return 1;
    }
    MatchResult result = services.offersModule().matching().candidatesFor(id, limit, boost);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("offerId", result.offer().id());
      doc.put("title", result.offer().title());
      doc.put("romeCode", result.offer().romeCode());
      doc.put("pool", result.pool());
      doc.put("poolSameOccupation", result.poolSameOccupation());
      doc.put("poolPriority", result.poolPriority());
      doc.put("poolRqth", result.poolRqth());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CandidateMatch m : result.matches()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("candidateId", m.candidateId());
        r.put("name", m.displayName().trim());
        r.put("commune", m.communeName());
        r.put("romeCode", m.romeCode());
        r.put("km", Math.round(m.km() * 10) / 10.0);
        r.put("score", m.score());
        r.put(
            "reasons",
            m.reasons().stream()
                .map(
                    x -> {
                      Map<String, Object> y = new LinkedHashMap<>();
                      y.put("kind", x.kind().name());
                      y.put("points", x.points());
                      y.put("detail", x.detail());
                      return y;
                    })
                .toList());
        r.put("criteria", m.criteria());
        r.put("consentShare", m.consentShare());
        rows.add(r);
      }
      doc.put("candidates", rows);
      Json.print(out(), doc);
      return 0;
    }
    out()
        .printf(
            "%s — %s (%s): %d candidates in the pool, showing %d%n",
            result.offer().title(),
            result.offer().romeCode(),
            result.offer().communeName(),
            result.pool(),
            result.matches().size());
    for (CandidateMatch m : result.matches()) {
      out()
          .printf(
              Locale.ROOT,
              "%3d  %-30s %-20s %s  %s%n",
              m.score(),
              m.displayName().trim(),
              m.communeName(),
              m.candidateId(),
              m.reasons().stream().map(MatchReason::describe).collect(Collectors.joining("; ")));
    }
    return 0;
  }
}
