package fr.passerelle.ui;

import java.util.Collection;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * Small labelled "chips" for reasons, criteria and states, and the kit's stylesheet ({@link #CSS}:
 * chips, pane titles, muted and error text) that a view adds to its root.
 */
public final class Chips {
  /** The stylesheet the chips need, to add to a view's root. */
  public static final String CSS = Chips.class.getResource("kit.css").toExternalForm();

  private Chips() {}

  public static Label chip(String text, String style) {
    Label l = new Label(text);
    l.getStyleClass().addAll("chip", style);
    return l;
  }

  public static FlowPane row() {
    FlowPane p = new FlowPane(4, 2);
    p.setPrefWrapLength(420);
    return p;
  }

  /**
   * A table column whose cells show the chips of their row ({@code chipsOf}), fitted to the
   * column's width ({@link #fit}).
   */
  public static <S> javafx.scene.control.TableColumn<S, S> column(
      String title, java.util.function.Function<S, FlowPane> chipsOf) {
    javafx.scene.control.TableColumn<S, S> c = new javafx.scene.control.TableColumn<>(title);
    c.setCellValueFactory(x -> new javafx.beans.property.ReadOnlyObjectWrapper<>(x.getValue()));
    c.setCellFactory(
        col ->
            new javafx.scene.control.TableCell<>() {
              {
                getStyleClass().add("chips-cell");
              }

              @Override
              protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(
                    empty || row == null
                        ? null
                        : fit(chipsOf.apply(row), getTableColumn().widthProperty()));
              }
            });
    return c;
  }

  /**
   * Fits chips to a table column: they wrap at the column's width, and a chip longer than the
   * column ends with "…" and shows its whole text as a tooltip.
   */
  public static FlowPane fit(FlowPane chips, ObservableDoubleValue width) {
    var room = Bindings.max(60.0, Bindings.subtract(width, 16));
    // the cell lays its graphic out at the graphic's preferred width: tie it to the column's
    chips.prefWrapLengthProperty().bind(room);
    chips.prefWidthProperty().bind(room);
    chips.maxWidthProperty().bind(room);
    chips.setMinWidth(0);
    for (var n : chips.getChildren()) {
      if (n instanceof Label l) {
        l.maxWidthProperty().bind(room);
        if (l.getTooltip() == null) {
          l.setTooltip(new Tooltip(l.getText()));
        }
      }
    }
    return chips;
  }

  /**
   * A candidate's priority criteria by their short names (RQTH shown like the others: the caller
   * shows only what this office may see); an unknown code is shown as it is.
   */
  public static FlowPane criteria(Messages msg, Collection<String> criteria) {
    FlowPane p = row();
    for (String c : criteria) {
      String key = "criterion." + c;
      p.getChildren().add(chip(msg.has(key) ? msg.get(key) : c, "chip-info"));
    }
    return p;
  }
}
