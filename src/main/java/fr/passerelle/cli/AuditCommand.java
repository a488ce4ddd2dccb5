package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditEntry;
import fr.passerelle.audit.AuditFilter;
import fr.passerelle.audit.Verification;
import fr.passerelle.core.Progress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "audit",
    description = "The audit trail (administrators): list, verify the chain, export.",
    subcommands = {
      AuditCommand.ListCmd.class,
      AuditCommand.VerifyCmd.class,
      AuditCommand.ExportCmd.class
    })
final class AuditCommand implements Runnable {
  /** Exit code of 'audit verify' when an entry was changed or deleted. */
  static final int BROKEN = 5;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing audit command: list, verify or export.");
  }

  /** The filters of the administrator's view. */
  static final class Filters {
    @Option(names = "--person", description = "A candidate's name (start) or id.")
    String person;

    @Option(names = "--counselor", description = "Part of the account's name or login.")
    String counselor;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--action", description = "SIGN_IN, EXPORT, SENSITIVE_SHOWN...")
    String action;

    AuditFilter filter() {
      return new AuditFilter(person, counselor, from, to, action);
    }
  }

  @Command(name = "list", description = "Entries, newest first.")
  static final class ListCmd extends ServiceCommand {
    @Mixin Filters filters;

    @Option(names = "--limit", defaultValue = "200")
    int limit;

    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      List<AuditEntry> entries = services.audit().list(filters.filter(), limit);
      if (json) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AuditEntry e : entries) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", e.id());
          m.put("at", e.at() == null ? null : e.at().toString());
          m.put("actor", e.actor());
          m.put("accountId", e.accountId());
          m.put("workstation", e.workstation());
          m.put("organisation", e.organisation());
          m.put("action", e.action());
          m.put("personId", e.personId());
          m.put("person", e.personName());
          m.put("subject", e.subject());
          m.put("details", e.details());
          m.put("origin", e.origin());
          m.put("seq", e.seq());
          list.add(m);
        }
        Json.print(out(), list);
        return 0;
      }
      for (AuditEntry e : entries) {
        out()
            .printf(
                "%s  %-16s %-24s %s%s%s%n",
                e.at(),
                e.action(),
                e.actor() == null ? "-" : e.actor(),
                e.personName() != null ? e.personName() + " " : "",
                e.subject() == null ? "" : e.subject(),
                e.details() == null ? "" : " — " + e.details());
      }
      return 0;
    }
  }

  @Command(
      name = "verify",
      description =
          "Check the hash chain of every installation's entries; exit 5 and name the first broken"
              + " entry if one was changed or deleted.")
  static final class VerifyCmd extends ServiceCommand {
    @Override
    protected int run(Services services) {
      Verification v = services.audit().verify();
      if (v.intact()) {
        out().printf("Audit trail intact: %d entries in %d chains.%n", v.entries(), v.chains());
        return 0;
      }
      Verification.Broken b = v.broken().get();
      err()
          .printf(
              "Audit trail broken: entry #%d of installation %s%s — %s.%n",
              b.seq(),
              b.origin(),
              b.id() == null ? "" : " (id " + b.id() + ", " + b.at() + ", " + b.action() + ")",
              describe(b.problem(), b.seq()));
      err().flush();
      return BROKEN;
    }

    static String describe(Verification.Problem p, long seq) {
      return switch (p) {
        case MODIFIED -> "its content was modified";
        case DETAILS_MODIFIED -> "its details were modified";
        case NOT_FOLLOWING -> "it no longer follows entry #" + (seq - 1) + ", modified or replaced";
        case MISSING_BEFORE -> "the entries before it are missing (deleted)";
        case DUPLICATE -> "two entries hold this place (inserted)";
        case MISSING_AT_END -> "this entry and those after it were deleted";
      };
    }
  }

  @Command(
      name = "export",
      description = "Write the entries (oldest first) to a .csv or .xlsx file.")
  static final class ExportCmd extends ServiceCommand {
    @Mixin Filters filters;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    protected int run(Services services) {
      long n = services.audit().export(out, filters.filter(), Progress.NONE);
      out().printf("%d entries written to %s%n", n, out.toAbsolutePath());
      return 0;
    }
  }
}
