package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    description =
        "Import candidates from FILE.csv (French Excel: UTF-8, semicolons) or FILE.xlsx; an id"
            + " column updates those rows. All or nothing: any invalid row and nothing changes"
            + " (exit 2).")
final class CandidatesImportCommand extends ServiceCommand {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--valid-rows-only",
      description = "Import the valid rows and skip the invalid ones (reported).")
  boolean validOnly;

  @Option(names = "--errors", paramLabel = "FILE", description = "Save the errors to this file.")
  Path errors;

  @Override
  protected int run(Services services) {
    ImportReport report =
        services
            .candidates()
            .transfer()
            .importFile(
                file,
                validOnly ? ImportMode.VALID_ROWS_ONLY : ImportMode.ALL_OR_NOTHING,
                Progress.NONE);
    return ImportOutput.print(report, errors, out(), err());
  }
}
