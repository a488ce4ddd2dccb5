package fr.passerelle.cli;

import fr.passerelle.tabular.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** How the import verbs report: a summary, the errors by file/line/field, exit 2 on error. */
final class ImportOutput {
  private ImportOutput() {}

  static int print(ImportReport report, Path errorFile, PrintWriter out, PrintWriter err) {
    if (errorFile != null && report.hasErrors()) {
      report.saveErrors(errorFile);
      err.println("Errors saved to " + errorFile);
    }
    if (report.applied()) {
      out.printf(
          "%s: %d created, %d updated%s%n",
          report.file(),
          report.created(),
          report.updated(),
          report.hasErrors() ? ", " + report.rowsRefused() + " invalid row(s) skipped" : "");
      report.describe(50).forEach(err::println);
      return 0;
    }
    if (!report.hasErrors()) {
      out.println(report.file() + ": no rows to import.");
      return 0;
    }
    throw report.toException();
  }
}
