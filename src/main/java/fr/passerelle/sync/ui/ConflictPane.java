package fr.passerelle.sync.ui;

import fr.passerelle.sync.Conflicts;
import fr.passerelle.ui.Messages;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Conflicts to review, the rows of one action together, each shown side by side (this version, the
 * other version) with keep / restore / take the checked fields.
 */
final class ConflictPane {
  private final Messages m;
  private final SyncViewModel vm;
  private final DateTimeFormatter when;
  private final ConflictWording words;

  ConflictPane(Messages m, SyncViewModel vm) {
    this.m = m;
    this.vm = vm;
    this.words = new ConflictWording(m);
    this.when = fr.passerelle.core.DateFormats.weekdayDateTime(m.locale());
  }

  Node build() {
    ListView<List<Conflicts.Conflict>> list = new ListView<>(vm.conflictGroups());
    list.setId("sync-conflicts");
    // no conflict: the sentence over the whole pane, not squeezed into the list's 40 %
    Label none = new Label(m.get("sync.conflicts.empty"));
    none.setId("sync-conflicts-none");
    none.setWrapText(true);
    none.setPadding(new Insets(8));
    none.setMaxWidth(Double.MAX_VALUE);
    none.setAlignment(javafx.geometry.Pos.TOP_LEFT);
    none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.conflictGroups()));
    list.setCellFactory(
        v ->
            new ListCell<>() {
              {
                // the office's name on its line, the time and count on the next: whole at any
                // width the divider leaves
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(List<Conflicts.Conflict> g, boolean empty) {
                super.updateItem(g, empty);
                if (empty || g == null) {
                  setText(null);
                  return;
                }
                Conflicts.Conflict c = g.get(0);
                setText(
                    m.get(
                        "sync.conflicts.group",
                        c.loserOffice(),
                        when.format(c.loserTime()),
                        g.size()));
              }
            });
    VBox detail = new VBox(8);
    detail.setPadding(new Insets(8));
    list.getSelectionModel().selectedItemProperty().addListener((o, was, g) -> show(detail, g));
    // the first group open as soon as there is one: the detail is never an empty half
    vm.conflictGroups()
        .addListener(
            (javafx.collections.ListChangeListener<Object>)
                c -> {
                  if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                  }
                });
    SplitPane split = new SplitPane(list, new ScrollPane(detail));
    split.setDividerPositions(0.3);
    split.visibleProperty().bind(none.visibleProperty().not());
    javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(split, none);
    pane.setId("sync-conflicts-pane");
    javafx.scene.layout.StackPane.setAlignment(none, javafx.geometry.Pos.TOP_LEFT);
    return pane;
  }

  private void show(VBox detail, List<Conflicts.Conflict> group) {
    detail.getChildren().clear();
    if (group == null) {
      return;
    }
    Button keep = new Button(m.get("sync.conflict.keep"));
    keep.setOnAction(e -> vm.keep(group));
    Button restore = new Button(m.get("sync.conflict.restore"));
    restore.setOnAction(e -> vm.restore(group));
    detail.getChildren().add(new HBox(8, keep, restore));
    for (Conflicts.Conflict c : group) {
      Label title =
          new Label(m.get("sync.conflict.row", SyncTableNames.label(m, c.table()), describe(c)));
      title.getStyleClass().add("title-4");
      GridPane grid = new GridPane();
      grid.setHgap(12);
      grid.setVgap(4);
      grid.add(bold(m.get("sync.conflict.field")), 0, 0);
      grid.add(bold(m.get("sync.conflict.current")), 1, 0);
      grid.add(bold(m.get("sync.conflict.other", c.loserOffice())), 2, 0);
      List<CheckBox> picks = new ArrayList<>();
      int row = 1;
      for (String f : c.differing()) {
        CheckBox pick = new CheckBox(words.field(f));
        pick.setMnemonicParsing(false);
        pick.setUserData(f);
        picks.add(pick);
        grid.add(pick, 0, row);
        Label current = new Label(words.value(c.current().get(f)));
        grid.add(current, 1, row);
        Label other = new Label(words.value(c.loser().get(f)));
        for (Label value : List.of(current, other)) { // a long note wraps instead of widening
          value.setWrapText(true);
          value.setMaxWidth(360);
        }
        other.setStyle("-fx-text-fill: #0969da;");
        grid.add(other, 2, row);
        row++;
      }
      Button merge = new Button(m.get("sync.conflict.merge"));
      merge.setOnAction(
          e ->
              vm.mergeFields(
                  c,
                  picks.stream()
                      .filter(CheckBox::isSelected)
                      .map(p -> (String) p.getUserData())
                      .toList()));
      detail.getChildren().addAll(title, grid, merge);
    }
  }

  /** A readable name for the row: its name or title if it has one, else its id. */
  private static String describe(Conflicts.Conflict c) {
    for (String f : List.of("LAST_NAME", "NAME", "TITLE")) {
      String v = c.current().get(f);
      if (v != null) {
        String first = c.current().get("FIRST_NAME");
        return first == null ? v : v.toUpperCase(Locale.ROOT) + " " + first;
      }
    }
    return c.rowId().toString();
  }

  private static Label bold(String s) {
    Label l = new Label(s);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }
}
