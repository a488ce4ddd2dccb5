package fr.passerelle.training.ui;

import fr.passerelle.training.TargetRow;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Reconversions by target occupation, hard-to-fill occupations first. */
final class TargetPane extends BorderPane {
  private final TargetViewModel vm;

  TargetPane(UiContext ctx) {
    Messages m = ctx.messages();
    this.vm = new TargetViewModel(ctx.services().trainingReads(), ctx.tasks(), m);
    TableView<TargetRow> table = new TableView<>(vm.rows());
    table.setId("target-table");
    Label empty = new Label();
    empty
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.failure().isEmpty())
                .then(m.get("training.target.empty"))
                .otherwise(vm.failure()));
    table.setPlaceholder(empty);
    table.getColumns().add(col(m.get("training.target.rome"), TargetRow::romeCode));
    table.getColumns().add(col(m.get("training.target.label"), TargetRow::label));
    table
        .getColumns()
        .add(
            col(
                m.get("training.target.hard"),
                r -> r.hardToFill() ? m.get("training.target.hard.yes") : ""));
    table.getColumns().add(col(m.get("training.target.paths"), TargetRow::paths));
    table.getColumns().add(col(m.get("training.status.IN_TRAINING"), TargetRow::inTraining));
    table.getColumns().add(col(m.get("training.status.COMPLETED"), TargetRow::completed));
    table.getColumns().add(col(m.get("training.target.employed"), TargetRow::employed));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    CheckBox onlyHard = new CheckBox(m.get("training.target.onlyHard"));
    onlyHard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    onlyHard.selectedProperty().bindBidirectional(vm.onlyHardToFill());
    onlyHard.setOnAction(e -> load());
    Label rule = new Label(m.get("training.target.rule"));
    rule.setWrapText(true);
    HBox top = new HBox(12, onlyHard, rule);
    top.setPadding(new Insets(8));
    setTop(top);
    setCenter(table);
  }

  void load() {
    vm.load();
  }

  private static <T> TableColumn<TargetRow, T> col(
      String name, java.util.function.Function<TargetRow, T> f) {
    TableColumn<TargetRow, T> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    return c;
  }
}
