package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.core.Progress;
import fr.passerelle.tabular.TabularFormat;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    description =
        "Export all candidates to FILE.csv (French Excel) or FILE.xlsx. The file holds personal"
            + " and sensitive data (RQTH): keep it on the office's drive.")
final class CandidatesExportCommand extends ServiceCommand {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Override
  protected int run(Services services) {
    TabularFormat.of(file);
    long n = services.candidates().transfer().exportFile(file, CandidateQuery.all(), Progress.NONE);
    out().printf("%d candidate(s) exported to %s%n", n, file);
    return 0;
  }
}
