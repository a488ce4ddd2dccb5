package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.offers.io.OfferTransfer;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    description =
        "Import offers from FILE.csv or FILE.xlsx; an id column updates those rows. All or"
            + " nothing (exit 2 on any invalid row).")
final class OffersImportCommand extends ServiceCommand {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(names = "--valid-rows-only", description = "Import the valid rows only.")
  boolean validOnly;

  @Option(names = "--errors", paramLabel = "FILE", description = "Save the errors to this file.")
  Path errors;

  @Override
  protected int run(Services services) {
    OfferTransfer t =
        new OfferTransfer(
            services.db(), services.writer(), services.candidates().reference(), services.access());
    ImportReport report =
        t.importFile(
            file,
            validOnly ? ImportMode.VALID_ROWS_ONLY : ImportMode.ALL_OR_NOTHING,
            services.candidates().today(),
            Progress.NONE);
    return ImportOutput.print(report, errors, out(), err());
  }
}
