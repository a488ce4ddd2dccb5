package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.offers.HardToFill;
import fr.passerelle.offers.OfferFilter;
import fr.passerelle.offers.OfferPage;
import fr.passerelle.offers.OfferRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offers list [--hard-to-fill] [--json]}: open offers, hard to fill first. */
@Command(name = "list", description = "Open offers, hard to fill first, with the reasons.")
final class OffersListCommand extends ServiceCommand {
  @Option(names = "--hard-to-fill", description = "Only the offers flagged hard to fill.")
  boolean hardToFillOnly;

  @Option(names = "--rome", paramLabel = "CODE", description = "Only this ROME occupation.")
  String rome;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "200",
      description = "At most N offers (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json")
  boolean json;

  @Override
  protected int run(Services services) {
    if (limit < 0) {
      err().println("--limit: must not be negative");
      return 1;
    }
    OfferPage page =
        services
            .offersModule()
            .hardToFill()
            .openOffers(new OfferFilter(hardToFillOnly, rome, null, null, limit));
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("matching", page.matching());
      doc.put("hardToFill", page.hardToFill());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (OfferRow r : page.rows()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.offer().id());
        m.put("title", r.offer().title());
        m.put("employer", r.offer().employerName());
        m.put("romeCode", r.offer().romeCode());
        m.put("commune", r.offer().communeName());
        m.put("contract", r.offer().contract());
        m.put("source", r.offer().source());
        m.put("openedOn", String.valueOf(r.offer().openedOn()));
        m.put("daysOpen", r.daysOpen());
        m.put("hardToFill", r.hardToFill().effective());
        m.put("computed", r.hardToFill().computed());
        m.put("score", r.hardToFill().score());
        m.put("override", r.hardToFill().override());
        m.put("overrideReason", r.hardToFill().overrideReason());
        m.put("candidatesInReach", r.hardToFill().candidatesInReach());
        m.put(
            "reasons",
            r.hardToFill().reasons().stream()
                .map(x -> Map.of("kind", x.kind().name(), "text", x.describe()))
                .toList());
        rows.add(m);
      }
      doc.put("offers", rows);
      Json.print(out(), doc);
      return 0;
    }
    if (page.rows().isEmpty()) {
      out().println(hardToFillOnly ? "No open offer is hard to fill." : "No open offer.");
      return 0;
    }
    out()
        .printf(
            "%d open offers, %d hard to fill; showing %d%n",
            page.matching(), page.hardToFill(), page.rows().size());
    for (OfferRow r : page.rows()) {
      HardToFill h = r.hardToFill();
      out()
          .printf(
              "%s  %-5s %-3s %s — %s (%s), %d d%s%n",
              r.offer().id(),
              r.offer().romeCode(),
              h.effective() ? "!" : "",
              r.offer().title(),
              r.offer().employerName(),
              r.offer().communeName(),
              r.daysOpen(),
              describe(h));
    }
    return 0;
  }

  private static String describe(HardToFill h) {
    String reasons =
        h.reasons().stream().map(HardToFill.Reason::describe).collect(Collectors.joining("; "));
    if (h.overridden()) {
      return "  [override: "
          + (h.override() ? "hard to fill" : "not hard to fill")
          + " — "
          + h.overrideReason()
          + (reasons.isEmpty() ? "" : "; computed: " + reasons)
          + "]";
    }
    return reasons.isEmpty() ? "" : "  [" + reasons + "]";
  }
}
