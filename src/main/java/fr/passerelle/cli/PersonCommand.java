package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.rights.PersonRightsService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "person",
    description =
        "A person's rights (administrators): everything about them, their erasure everywhere. See"
            + " docs/data-subject-rights.md.",
    subcommands = {PersonCommand.ExportCmd.class, PersonCommand.EraseCmd.class})
final class PersonCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing person command: export or erase.");
  }

  static UUID id(String text) {
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "ID: \"" + text + "\" is not a person's id (expected a UUID, see 'candidates search').");
    }
  }

  @Command(
      name = "export",
      description =
          "Everything about the person: into a folder a PDF and a JSON file, to FILE.json the JSON,"
              + " to another file the PDF. Audited.")
  static final class ExportCmd extends ServiceCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String person;

    @Option(names = "--out", required = true, paramLabel = "DIR_OR_FILE")
    Path out;

    @Option(names = "--json", description = "Print what was written as JSON.")
    boolean json;

    @Override
    protected int run(Services services) {
      PersonRightsService.Written w = services.personRights().export(id(person), out);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", w.file().personId().toString());
        m.put("files", w.files().stream().map(p -> p.toAbsolutePath().toString()).toList());
        m.put("sensitiveIncluded", w.file().sensitiveIncluded());
        Map<String, Integer> counts = new LinkedHashMap<>();
        w.file().sections().forEach(s -> counts.put(s.key(), s.items().size()));
        m.put("records", counts);
        Json.print(out(), m);
        return 0;
      }
      w.files().forEach(p -> out().println("Written: " + p.toAbsolutePath()));
      if (!w.file().sensitiveIncluded()) {
        out()
            .println(
                "Health criteria (RQTH, AAH) were left out: this account may not show them"
                    + " (SENSITIVE_READ).");
      }
      return 0;
    }
  }

  @Command(
      name = "erase",
      description =
          "Erase the person and everything about them here; the next sync files carry the erasure"
              + " to every office and partner holding a copy. Audited; needs --confirm.")
  static final class EraseCmd extends ServiceCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String person;

    @Option(names = "--confirm", description = "Required: the erasure cannot be undone.")
    boolean confirm;

    @Override
    protected int run(Services services) {
      UUID id = id(person);
      if (!confirm) {
        throw new InvalidInputException(
            "Nothing was erased: the erasure of "
                + id
                + " cannot be undone; run again with --confirm to erase it.");
      }
      Map<String, Integer> rows = services.personRights().erase(id);
      out().printf("Erased %s: %s%n", id, rows);
      out().println("The erasure reaches the other offices and partners with the next sync files.");
      return 0;
    }
  }
}
