package fr.passerelle.sync.ui;

import fr.passerelle.sync.SyncImportReport;
import fr.passerelle.ui.Messages;
import java.util.Map;
import java.util.function.ToLongFunction;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The last import's report: per table added / updated / deleted / erased, conflicts, orphans and
 * rows refused (quarantined, listed under "Lignes refusées").
 */
final class ImportReportPane {
  private final Messages m;
  private final SyncViewModel vm;

  ImportReportPane(Messages m, SyncViewModel vm) {
    this.m = m;
    this.vm = vm;
  }

  Node build() {
    Label header = new Label(m.get("sync.report.none"));
    header.setWrapText(true);
    // whole, on as many lines as it needs: the table below gives up its height first
    header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    TableView<Map.Entry<String, SyncImportReport.TableCounts>> table = new TableView<>();
    fr.passerelle.ui.Tables.wholeHeaders(table);
    table.setId("sync-report");
    table.setPlaceholder(new Label(m.get("sync.report.empty")));
    TableColumn<Map.Entry<String, SyncImportReport.TableCounts>, String> name =
        new TableColumn<>(m.get("sync.report.table"));
    name.setCellValueFactory(
        d -> new SimpleStringProperty(SyncTableNames.label(m, d.getValue().getKey())));
    name.setMinWidth(150); // "Candidats des listes" whole
    table.getColumns().add(name);
    table.getColumns().add(count("sync.report.added", c -> c.added));
    table.getColumns().add(count("sync.report.updated", c -> c.updated));
    table.getColumns().add(count("sync.report.deleted", c -> c.deleted));
    table.getColumns().add(count("sync.report.erased", c -> c.erased));
    table.getColumns().add(count("sync.report.conflicts", c -> c.conflicts));
    table.getColumns().add(count("sync.report.orphans", c -> c.orphans));
    table.getColumns().add(count("sync.report.refused", c -> c.quarantined));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label warnings = new Label();
    warnings.setWrapText(true);
    warnings.setStyle("-fx-text-fill: #9a6700;");
    vm.report()
        .addListener(
            (o, was, r) -> {
              if (r == null) {
                return;
              }
              header.setText(
                  r.outcome() == SyncImportReport.Outcome.ALREADY_IMPORTED
                      ? m.get("sync.import.already", r.file())
                      : m.get(
                          "sync.report.header",
                          r.file(),
                          r.senderOffice(),
                          r.senderOrganisation(),
                          r.conflictIds().size()));
              table.setItems(FXCollections.observableArrayList(r.tables().entrySet()));
              java.util.List<String> lines = new java.util.ArrayList<>(r.warnings());
              if (!r.quarantined().isEmpty()) {
                lines.add(0, m.get("sync.report.refusedLine", r.quarantined().size()));
              }
              warnings.setText(String.join("\n", lines));
            });
    VBox box = new VBox(6, header, table, warnings);
    box.setPadding(new javafx.geometry.Insets(6)); // as the refused rows' tab beside it
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  private TableColumn<Map.Entry<String, SyncImportReport.TableCounts>, String> count(
      String key, ToLongFunction<SyncImportReport.TableCounts> f) {
    TableColumn<Map.Entry<String, SyncImportReport.TableCounts>, String> c =
        new TableColumn<>(m.get(key));
    c.setCellValueFactory(
        d ->
            new SimpleStringProperty(String.format("%,d", f.applyAsLong(d.getValue().getValue()))));
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    c.setMinWidth(72); // "120 000" whole; the table scrolls sideways when the pane is narrow
    return c;
  }
}
