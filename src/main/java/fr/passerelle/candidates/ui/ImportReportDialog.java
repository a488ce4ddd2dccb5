package fr.passerelle.candidates.ui;

import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.RowCorrection;
import fr.passerelle.tabular.RowError;
import fr.passerelle.tabular.Wording;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.DialogService.FileChoice;
import fr.passerelle.ui.Messages;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The import report: what was refused, by line and field, with "save the errors" and, when some
 * rows are valid, the explicit choice to import only those.
 */
final class ImportReportDialog extends Dialog<ButtonType> {
  static final ButtonType VALID_ONLY = new ButtonType("", ButtonBar.ButtonData.OTHER);
  final TableView<RowError> table = new TableView<>();

  /** The report of {@code report}; "save the errors" says where through {@code dialogs}. */
  ImportReportDialog(ImportReport report, Messages msg, DialogService dialogs) {
    setTitle(msg.get("candidates.report.title", report.file()));
    setResizable(true);
    Label head =
        new Label(
            msg.get(
                "candidates.report.head",
                report.errorCount(),
                report.rowsRefused(),
                report.rowsRead(),
                report.file()));
    head.setWrapText(true);
    table.getItems().setAll(report.errors());
    table
        .getColumns()
        .add(col(msg.get("candidates.report.line"), e -> String.valueOf(e.line()), 60));
    table.getColumns().add(col(msg.get("candidates.report.field"), RowError::field, 120));
    table.getColumns().add(col(msg.get("candidates.report.value"), RowError::value, 140));
    table.getColumns().add(col(msg.get("candidates.report.message"), e -> message(msg, e), 480));
    table.setPrefSize(840, 360);
    getDialogPane().setContent(new VBox(8, head, table));
    getDialogPane().setPrefWidth(900);
    // never laid out below its content: the report opened at 600 px, its table cut (#19)
    getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    ButtonType saveErrors =
        new ButtonType(msg.get("candidates.report.save"), ButtonBar.ButtonData.LEFT);
    ButtonType validOnly =
        new ButtonType(
            msg.get("candidates.report.validOnly", report.rowsValid()), ButtonBar.ButtonData.OTHER);
    getDialogPane().getButtonTypes().add(saveErrors);
    if (report.rowsValid() > 0 && !report.applied()) {
      getDialogPane().getButtonTypes().add(validOnly);
    }
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    // "save the errors" keeps the dialog open
    getDialogPane()
        .lookupButton(saveErrors)
        .addEventFilter(
            javafx.event.ActionEvent.ACTION,
            e -> {
              e.consume();
              dialogs
                  .saveFile(
                      FileChoice.of("import-errors", null)
                          .named("erreurs-" + report.file().replaceAll("\\.[^.]+$", "") + ".csv")
                          .filter("CSV (Excel)", "*.csv")
                          .filter("Excel", "*.xlsx"))
                  .ifPresent(
                      f -> {
                        report.saveErrors(f);
                        dialogs.info(
                            msg.get("candidates.report.save"),
                            msg.get("candidates.report.saved", f));
                      });
            });
    setResultConverter(b -> b == validOnly ? VALID_ONLY : b);
  }

  /**
   * The values an applied import changed on their way in (control characters removed, leading zeros
   * restored), by line and field: what was imported differs from the file.
   */
  static void showCorrections(ImportReport report, Messages msg, DialogService dialogs) {
    dialogs.show("import-corrections", () -> corrections(report, msg));
  }

  private static Dialog<ButtonType> corrections(ImportReport report, Messages msg) {
    Dialog<ButtonType> d = new Dialog<>();
    d.setTitle(msg.get("candidates.report.title", report.file()));
    d.setResizable(true);
    Label head =
        new Label(
            msg.get("candidates.report.headCorrected", report.corrections().size(), report.file()));
    head.setWrapText(true);
    TableView<RowCorrection> t = new TableView<>();
    t.getItems().setAll(report.corrections());
    t.getColumns()
        .add(correction(msg.get("candidates.report.line"), c -> String.valueOf(c.line()), 60));
    t.getColumns().add(correction(msg.get("candidates.report.field"), RowCorrection::field, 110));
    t.getColumns().add(correction(msg.get("candidates.report.value"), RowCorrection::from, 150));
    t.getColumns().add(correction(msg.get("candidates.report.imported"), RowCorrection::to, 150));
    t.getColumns().add(correction(msg.get("candidates.report.why"), c -> why(msg, c), 330));
    t.setPrefSize(840, 300);
    d.getDialogPane().setContent(new VBox(8, head, t));
    d.getDialogPane().setPrefWidth(900);
    d.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    return d;
  }

  private static TableColumn<RowCorrection, String> correction(
      String title, java.util.function.Function<RowCorrection, String> f, double width) {
    TableColumn<RowCorrection, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  /** What the window says of a refused value: its wording in the UI language, if it has one. */
  static String message(Messages msg, RowError e) {
    return said(msg, e.wording(), e.message());
  }

  /** Why a value was corrected, in the UI language when the import gave its wording. */
  static String why(Messages msg, RowCorrection c) {
    return said(msg, c.wording(), c.why());
  }

  private static String said(Messages msg, Wording w, String english) {
    return w == null || !msg.has(w.key()) ? english : msg.get(w.key(), w.args().toArray());
  }

  /** True when the counselor chose to import the valid rows only. */
  static boolean askValidOnly(ImportReport report, Messages msg, DialogService dialogs) {
    Optional<ButtonType> r =
        dialogs.show("import-report", () -> new ImportReportDialog(report, msg, dialogs));
    return r.isPresent() && r.get() == VALID_ONLY;
  }

  private static TableColumn<RowError, String> col(
      String title, java.util.function.Function<RowError, String> f, double width) {
    TableColumn<RowError, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
