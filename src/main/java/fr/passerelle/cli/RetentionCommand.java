package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.retention.PurgeProposal;
import fr.passerelle.retention.PurgeResult;
import fr.passerelle.retention.RecordKind;
import fr.passerelle.retention.RetentionRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "retention",
    description =
        "How long records are kept: the rules (administrators), the purge proposal and its"
            + " confirmation (managers). See docs/retention.md.",
    subcommands = {
      RetentionCommand.Rules.class,
      RetentionCommand.ProposalCmd.class,
      RetentionCommand.PurgeCmd.class
    })
final class RetentionCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing retention command: rules, proposal or purge.");
  }

  @Command(
      name = "rules",
      description = "The retention rules: list, set.",
      subcommands = {RetentionCommand.RulesList.class, RetentionCommand.RulesSet.class})
  static final class Rules implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing rules command: list or set.");
    }
  }

  private static Map<String, Object> json(RetentionRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind().name());
    m.put("months", r.months());
    m.put("defaultMonths", r.defaultMonths());
    m.put("basis", r.sourced() ? "SOURCED" : "OFFICE");
    m.put("source", r.source());
    m.put("updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
    m.put("updatedBy", r.updatedBy());
    return m;
  }

  private static void print(java.io.PrintWriter out, RetentionRule r) {
    out.printf(
        "%-20s %4d months%s  %s%n    %s%n",
        r.kind(),
        r.months(),
        r.months() == r.defaultMonths() ? "" : " (default " + r.defaultMonths() + ")",
        r.sourced() ? "sourced" : "office's choice",
        r.source());
  }

  @Command(name = "list", description = "Each kind of record, how long it is kept, its source.")
  static final class RulesList extends ServiceCommand {
    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      List<RetentionRule> rules = services.retention().rules();
      if (json) {
        Json.print(out(), rules.stream().map(RetentionCommand::json).toList());
        return 0;
      }
      rules.forEach(r -> print(out(), r));
      return 0;
    }
  }

  @Command(
      name = "set",
      description = "Set how many months a kind of record is kept (administrators; audited).")
  static final class RulesSet extends ServiceCommand {
    @Parameters(
        index = "0",
        paramLabel = "KIND",
        description = "CANDIDATE_INACTIVE, MEETING_ATTENDANCE, TRAINING_PATH or SOURCING_ENTRY.")
    String kind;

    @Option(names = "--months", required = true, description = "1 to 1200.")
    int months;

    @Option(
        names = "--source",
        description = "The text or reference the duration comes from (kept with the rule).")
    String source;

    @Override
    protected int run(Services services) {
      RecordKind k;
      try {
        k = RecordKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "KIND: \""
                + kind
                + "\" is not a kind of record (CANDIDATE_INACTIVE, MEETING_ATTENDANCE,"
                + " TRAINING_PATH, SOURCING_ENTRY).");
      }
      print(out(), services.retention().setRule(k, months, source));
      return 0;
    }
  }

  @Command(
      name = "proposal",
      description =
          "Compute what is due for erasure today and keep it as the open proposal; nothing is"
              + " erased.")
  static final class ProposalCmd extends ServiceCommand {
    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      PurgeProposal p = services.retention().propose();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("asOf", p.asOf().toString());
        m.put("computedBy", p.computedBy());
        Map<String, Long> counts = new LinkedHashMap<>();
        p.counts().forEach((k, v) -> counts.put(k.name(), v));
        m.put("counts", counts);
        m.put("heldElsewhere", p.heldElsewhere());
        List<Map<String, Object>> items = new ArrayList<>();
        for (PurgeProposal.Line l : p.lines()) {
          Map<String, Object> i = new LinkedHashMap<>();
          i.put("kind", l.item().kind().name());
          i.put("table", l.item().table());
          i.put("rowId", l.item().rowId().toString());
          i.put("personId", l.item().personId() == null ? null : l.item().personId().toString());
          i.put("label", l.label());
          i.put("referenceOn", l.item().referenceOn().toString());
          i.put("dueOn", l.item().dueOn().toString());
          items.add(i);
        }
        m.put("items", items);
        Json.print(out(), m);
        return 0;
      }
      out().printf("Purge proposal %s (as of %s)%n", p.id(), p.asOf());
      p.counts().forEach((k, v) -> out().printf("  %-20s %d%n", k, v));
      if (p.heldElsewhere() > 0) {
        out()
            .printf(
                "  %d inactive person(s) followed by another organisation: left to it.%n",
                p.heldElsewhere());
      }
      for (PurgeProposal.Line l : p.lines()) {
        out()
            .printf(
                "%-20s %s  since %s, due %s  %s%n",
                l.item().kind(),
                l.item().rowId(),
                l.item().referenceOn(),
                l.item().dueOn(),
                l.label());
      }
      out()
          .printf(
              p.lines().isEmpty()
                  ? "Nothing is due.%n"
                  : "Nothing was erased. To erase these records: retention purge --confirm %s%n",
              p.id());
      return 0;
    }
  }

  @Command(
      name = "purge",
      description =
          "Erase the records of the open proposal that are still due (tombstones, replicated by"
              + " sync; audited). Managers.")
  static final class PurgeCmd extends ServiceCommand {
    @Option(
        names = "--confirm",
        required = true,
        paramLabel = "PROPOSAL_ID",
        description = "The id 'retention proposal' printed.")
    String proposal;

    @Override
    protected int run(Services services) {
      UUID id;
      try {
        id = UUID.fromString(proposal.trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "--confirm: \"" + proposal + "\" is not a proposal id (see 'retention proposal').");
      }
      PurgeResult r = services.retention().purge(id);
      out().printf("Purge %s confirmed: %d record(s) erased%n", id, r.erasedTotal());
      r.erased().forEach((k, v) -> out().printf("  %-20s %d%n", k, v));
      r.rows().forEach((t, n) -> out().printf("  rows %-22s %d%n", t, n));
      if (r.skipped() > 0) {
        out().printf("%d record(s) no longer due were kept.%n", r.skipped());
      }
      out().println("The erasure reaches the other offices and partners with the next sync files.");
      return 0;
    }
  }
}
