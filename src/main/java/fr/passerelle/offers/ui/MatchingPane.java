package fr.passerelle.offers.ui;

import fr.passerelle.offers.CandidateMatch;
import fr.passerelle.sourcing.SourcingList;
import fr.passerelle.ui.Chips;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.Shortcuts;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The selected offer's ranked candidates, the boost option and "add to a list". */
final class MatchingPane extends VBox {
  final TableView<CandidateMatch> table = new TableView<>();
  final CheckBox boost;
  final ComboBox<SourcingList> target = new ComboBox<>();
  final Button add;

  MatchingPane(OffersViewModel vm, Messages msg, OfferChips chips, Supplier<java.util.UUID> owner) {
    super(8);
    setPadding(new Insets(8));
    boost = new CheckBox(msg.get("offers.match.boost"));
    boost.setMnemonicParsing(true);
    boost.selectedProperty().bindBidirectional(vm.boostPriority());
    boost.setTooltip(new Tooltip(msg.get("offers.match.boostHelp")));
    boost.setMinWidth(Region.USE_PREF_SIZE);
    Label pool = new Label();
    pool.getStyleClass().add("muted");
    pool.textProperty().bind(vm.poolText());
    pool.setWrapText(true);
    pool.setMinHeight(Region.USE_PREF_SIZE); // its line of its own, whole (it was cut with "…")

    table.setItems(vm.matches());
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setPlaceholder(
        new LoadingPlaceholder(
            vm.matchesLoading(),
            msg.get("offers.match.loading"),
            javafx.beans.binding.Bindings.when(vm.selected().isNull())
                .then(msg.get("offers.match.empty"))
                .otherwise(msg.get("offers.match.none"))));
    TableColumn<CandidateMatch, Number> score = new TableColumn<>(msg.get("offers.col.score"));
    score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
    score.setPrefWidth(60);
    score.setMinWidth(70);
    TableColumn<CandidateMatch, String> name = new TableColumn<>(msg.get("offers.col.name"));
    name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().displayName()));
    name.setPrefWidth(170);
    name.setMinWidth(125);
    TableColumn<CandidateMatch, String> commune = new TableColumn<>(msg.get("offers.col.commune"));
    commune.setCellValueFactory(
        c ->
            new ReadOnlyObjectWrapper<>(
                c.getValue().communeName()
                    + String.format(msg.locale(), " · %.0f km", c.getValue().km())));
    commune.setPrefWidth(150);
    commune.setMinWidth(110);
    TableColumn<CandidateMatch, CandidateMatch> reasons =
        new TableColumn<>(msg.get("offers.col.reasons"));
    reasons.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    reasons.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(CandidateMatch m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                  setGraphic(null);
                  return;
                }
                var box = chips.of(m.reasons());
                box.getChildren().addAll(Chips.criteria(msg, m.criteria()).getChildren());
                SourcingList l = target.getValue();
                if (l != null && l.isShared() && !m.consentShare()) {
                  box.getChildren()
                      .add(Chips.chip(msg.get("offers.match.noConsent"), "chip-danger"));
                }
                setGraphic(Chips.fit(box, getTableColumn().widthProperty()));
              }
            });
    reasons.setPrefWidth(360);
    // the minimum widths fit the pane beside the offers at 1366×768 (~490 px): the reasons' chips
    // wrap rather than run past the pane's edge
    reasons.setMinWidth(160);
    // every column in view: the reasons take what is left and wrap within it
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.getColumns().addAll(List.of(score, name, commune, reasons));
    VBox.setVgrow(table, Priority.ALWAYS);

    target.setItems(vm.lists());
    target.valueProperty().bindBidirectional(vm.targetList());
    target.setPromptText(msg.get("offers.match.newList"));
    target.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(SourcingList l) {
            if (l == null) {
              return msg.get("offers.match.newList");
            }
            return l.name()
                + (l.isShared()
                    ? " · " + msg.get("offers.match.sharedWith", l.sharedOfficeName())
                    : "");
          }

          @Override
          public SourcingList fromString(String s) {
            return null;
          }
        });
    target.valueProperty().addListener((o, a, b) -> table.refresh());
    Button clear = new Button(msg.get("offers.match.newListButton"));
    clear.setOnAction(e -> target.setValue(null));
    add = new Button(msg.get("offers.match.add"));
    add.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    add.setOnAction(
        e -> vm.addToList(List.copyOf(table.getSelectionModel().getSelectedItems()), owner.get()));
    Label outcome = new Label();
    outcome.textProperty().bind(vm.addOutcome());
    outcome.setWrapText(true);
    Label listLabel = new Label(msg.get("offers.match.list"));
    // a narrow pane wraps the actions to a second line rather than cutting their labels
    javafx.scene.layout.FlowPane actions =
        new javafx.scene.layout.FlowPane(8, 6, listLabel, target, clear, add);
    actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    for (var n : List.of(listLabel, clear, add)) {
      n.setMinWidth(Region.USE_PREF_SIZE);
    }
    target.setPrefWidth(300);
    getChildren().addAll(boost, pool, table, actions, outcome);
    Shortcuts.of(this).on(KeyCode.L, add::fire);
  }
}
