package fr.passerelle.training.ui;

import fr.passerelle.training.FundingRule;
import fr.passerelle.ui.DialogService.FileChoice;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The funding rules as data: shown, exported to CSV (Excel), edited by the office in a spreadsheet
 * and imported back (the whole set replaced in one transaction), or reset to the shipped rules.
 */
final class RulesPane extends BorderPane {
  private final UiContext ctx;
  private final ObservableList<FundingRule> rules = FXCollections.observableArrayList();
  private final Label status = new Label();

  RulesPane(UiContext ctx) {
    this.ctx = ctx;
    Messages m = ctx.messages();
    TableView<FundingRule> table = new TableView<>(rules);
    table.setId("rules-table");
    table.getColumns().add(col(m.get("training.rules.scheme"), FundingRule::scheme));
    table.getColumns().add(col(m.get("training.rules.label"), FundingRule::label));
    table.getColumns().add(col(m.get("training.rules.max"), FundingRule::maxHours));
    table.getColumns().add(col(m.get("training.rules.min"), FundingRule::minHours));
    table
        .getColumns()
        .add(
            col(
                m.get("training.rules.offer"),
                r -> r.requiresOffer() ? m.get("training.target.hard.yes") : ""));
    table.getColumns().add(col(m.get("training.rules.from"), FundingRule::validFrom));
    table.getColumns().add(col(m.get("training.rules.source"), FundingRule::sourceTitle));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Button export = new Button(m.get("training.rules.export"));
    export.setOnAction(e -> exportCsv());
    Button importCsv = new Button(m.get("training.rules.import"));
    importCsv.setOnAction(e -> importCsv());
    Button reset = new Button(m.get("training.rules.reset"));
    reset.setOnAction(
        e -> {
          if (ctx.dialogs()
              .confirmDestructive(
                  m.get("training.rules.reset"),
                  m.get("training.rules.reset.confirm"),
                  m.get("training.rules.reset"))) {
            run(() -> ctx.services().training().rules().restoreShipped());
          }
        });
    HBox bar = new HBox(8, export, importCsv, reset, status);
    bar.setPadding(new Insets(8));
    setTop(bar);
    setCenter(table);
  }

  void load() {
    ctx.tasks()
        .submit(
            "",
            p -> ctx.services().training().rules().all(),
            rules::setAll,
            e -> status.setText(e.getMessage()));
  }

  private void run(java.util.concurrent.Callable<Integer> work) {
    ctx.tasks()
        .submit(
            ctx.messages().get("training.saving"),
            p -> work.call(),
            n -> {
              status.setText(ctx.messages().get("training.rules.imported", n));
              load();
            },
            e -> status.setText(e.getMessage()));
  }

  private void importCsv() {
    ctx.dialogs()
        .openFile(FileChoice.of("training-rules", null).filter("CSV", "*.csv"))
        .ifPresent(f -> run(() -> ctx.services().training().rules().importCsv(f)));
  }

  private void exportCsv() {
    ctx.dialogs()
        .saveFile(FileChoice.of("training-rules", null).named("regles-financement.csv"))
        .ifPresent(
            f ->
                ctx.tasks()
                    .submit(
                        "",
                        p -> {
                          try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                            ctx.services().training().rules().exportCsv(w);
                          }
                          return f;
                        },
                        x ->
                            status.setText(
                                ctx.messages()
                                    .get("training.rules.exported", x.getFileName().toString())),
                        e -> status.setText(e.getMessage())));
  }

  private static <T> TableColumn<FundingRule, T> col(
      String name, java.util.function.Function<FundingRule, T> f) {
    TableColumn<FundingRule, T> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    return c;
  }
}
