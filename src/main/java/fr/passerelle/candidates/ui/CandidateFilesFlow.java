package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.DialogService.FileChoice;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The candidates' import and export, asked through the {@link DialogService} (ADR 0193): the file
 * to import, its import in the background (all or nothing), then what the import corrected, or the
 * refused rows with the explicit choice to import only the valid ones (which imports again); the
 * file to export the list into. No JavaFX window: tested with a scripted dialog service ({@code
 * CandidateFilesFlowTest}).
 */
final class CandidateFilesFlow {
  private final CandidateFilesViewModel files;
  private final Supplier<CandidateQuery> query;
  private final Runnable imported;
  private final DialogService dialogs;
  private final Messages msg;

  /**
   * The flow of {@code files}; {@code query} gives the list's current search (what an export
   * writes), {@code imported} runs after an import changed the candidates.
   */
  CandidateFilesFlow(
      CandidateFilesViewModel files,
      Supplier<CandidateQuery> query,
      Runnable imported,
      DialogService dialogs,
      Messages msg) {
    this.files = files;
    this.query = query;
    this.imported = imported;
    this.dialogs = dialogs;
    this.msg = msg;
  }

  /** "Importer…": a CSV or Excel file, then its import, all or nothing. */
  void importFile() {
    dialogs
        .openFile(choice("candidates-import", "candidates.import.title"))
        .ifPresent(f -> importFile(f, ImportMode.ALL_OR_NOTHING));
  }

  /**
   * Imports {@code file} in {@code mode}; then shows what an applied import corrected, and the
   * refused rows, whose "import only the valid rows" imports the file again in that mode.
   */
  void importFile(Path file, ImportMode mode) {
    files.importFile(
        file,
        mode,
        () -> {
          ImportReport r = files.report().get();
          if (r.applied()) {
            imported.run();
          }
          if (r.applied() && !r.corrections().isEmpty()) {
            ImportReportDialog.showCorrections(r, msg, dialogs);
          }
          if (r.hasErrors() && ImportReportDialog.askValidOnly(r, msg, dialogs)) {
            importFile(file, ImportMode.VALID_ROWS_ONLY);
          }
        });
  }

  /** "Exporter…": the candidates of the current search, into the file chosen. */
  void exportFile() {
    dialogs
        .saveFile(choice("candidates-export", "candidates.export.title").named("candidats.csv"))
        .ifPresent(f -> files.exportFile(f, query.get(), n -> {}));
  }

  private FileChoice choice(String purpose, String titleKey) {
    return FileChoice.of(purpose, msg.get(titleKey))
        .filter(msg.get("candidates.files.filter"), "*.csv", "*.xlsx")
        .filter("CSV (Excel)", "*.csv")
        .filter("Excel", "*.xlsx");
  }
}
