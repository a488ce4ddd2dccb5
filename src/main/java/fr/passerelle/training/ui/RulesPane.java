package fr.passerelle.training.ui;

import fr.passerelle.training.FundingRule;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
  private final RulesViewModel vm;

  RulesPane(UiContext ctx) {
    Messages m = ctx.messages();
    this.vm = new RulesViewModel(ctx.services().training().rules(), ctx.tasks(), m, ctx.dialogs());
    TableView<FundingRule> table = new TableView<>(vm.rules());
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
    export.setOnAction(e -> vm.exportCsv());
    Button importCsv = new Button(m.get("training.rules.import"));
    importCsv.setOnAction(e -> vm.importCsv());
    Button reset = new Button(m.get("training.rules.reset"));
    reset.setOnAction(e -> vm.resetToShipped());
    Label status = new Label();
    status.setWrapText(true);
    status.textProperty().bind(vm.status());
    HBox bar = new HBox(8, export, importCsv, reset, status);
    bar.setPadding(new Insets(8));
    setTop(bar);
    setCenter(table);
  }

  void load() {
    vm.load();
  }

  private static <T> TableColumn<FundingRule, T> col(
      String name, java.util.function.Function<FundingRule, T> f) {
    TableColumn<FundingRule, T> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    return c;
  }
}
