package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.offers.io.OfferTransfer;
import fr.passerelle.tabular.TabularFormat;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = "Export all offers to FILE.csv or FILE.xlsx.")
final class OffersExportCommand extends ServiceCommand {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Override
  protected int run(Services services) {
    TabularFormat.of(file);
    long n =
        new OfferTransfer(
                services.db(),
                services.writer(),
                services.candidates().reference(),
                services.access())
            .exportFile(file, Progress.NONE);
    out().printf("%d offer(s) exported to %s%n", n, file);
    return 0;
  }
}
