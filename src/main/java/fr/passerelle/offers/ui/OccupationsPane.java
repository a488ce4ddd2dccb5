package fr.passerelle.offers.ui;

import fr.passerelle.offers.OccupationRow;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The occupations table: per occupation with open offers, its figures and linked actions, and the
 * buttons that start an action from the selected row.
 */
final class OccupationsPane extends VBox {
  final TableView<OccupationRow> table = new TableView<>();

  OccupationsPane(
      OccupationsViewModel vm, Messages msg, DialogService dialogs, OccupationActions actions) {
    super(8);
    setPadding(new Insets(8));
    table.setItems(vm.rows());
    fr.passerelle.ui.Tables.wholeHeaders(table);
    table.setPlaceholder(
        new LoadingPlaceholder(
            vm.loading(), msg.get("offers.occ.loading"), msg.get("offers.occ.empty")));
    table
        .getColumns()
        .addAll(
            List.of(
                col(msg.get("offers.col.rome"), OccupationRow::romeCode, 70),
                col(msg.get("offers.col.occupation"), OccupationRow::label, 300),
                col(msg.get("offers.col.openOffers"), OccupationRow::openOffers, 90),
                col(msg.get("offers.col.hardToFill"), OccupationRow::hardToFillOffers, 110),
                col(msg.get("offers.col.medianDays"), r -> Math.round(r.medianDaysOpen()), 110),
                col(msg.get("offers.col.inReach"), OccupationRow::candidatesInReach, 130),
                col(
                    msg.get("offers.col.tension"),
                    r -> r.inTension() ? msg.get("offers.occ.tensionYes") : "",
                    90),
                col(msg.get("offers.col.meetings"), OccupationRow::meetings, 80),
                col(msg.get("offers.col.lists"), OccupationRow::sourcingLists, 70),
                col(msg.get("offers.col.trainings"), OccupationRow::trainingPaths, 80)));
    // the columns share the width (no empty filler column, headers not cut)
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    VBox.setVgrow(table, Priority.ALWAYS);
    var selected = table.getSelectionModel().selectedItemProperty();

    Button list = new Button(msg.get("offers.occ.createList"));
    list.disableProperty().bind(selected.isNull());
    list.setOnAction(e -> vm.createList(selected.get()));
    Button tension = new Button(msg.get("offers.occ.toggleTension"));
    tension.disableProperty().bind(selected.isNull());
    tension.setOnAction(
        e -> {
          OccupationRow row = selected.get();
          if (row.inTension()) {
            vm.setTension(row, false, null);
            return;
          }
          dialogs
              .input(msg.get("offers.occ.tensionNote", row.label()), null, "")
              .ifPresent(note -> vm.setTension(row, true, note));
        });
    Button meeting = actionButton(msg, "offers.occ.meeting", actions.startMeeting(), selected);
    Button training = actionButton(msg, "offers.occ.training", actions.startTraining(), selected);
    Label message = new Label();
    message.textProperty().bind(vm.message());
    getChildren().addAll(new HBox(8, list, meeting, training, tension), table, message);
  }

  private static Button actionButton(
      Messages msg,
      String key,
      java.util.Optional<java.util.function.Consumer<fr.passerelle.ui.ActionRequest>> action,
      javafx.beans.value.ObservableObjectValue<OccupationRow> selected) {
    Button b = new Button(msg.get(key));
    if (action.isEmpty()) {
      b.setDisable(true);
      b.setTooltip(new Tooltip(msg.get("offers.occ.notAvailable")));
    } else {
      b.disableProperty().bind(javafx.beans.binding.Bindings.isNull(selected));
      b.setOnAction(
          e ->
              action
                  .get()
                  .accept(fr.passerelle.ui.ActionRequest.forOccupation(selected.get().romeCode())));
    }
    return b;
  }

  private static <T> TableColumn<OccupationRow, T> col(
      String title, Function<OccupationRow, T> value, double width) {
    TableColumn<OccupationRow, T> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
