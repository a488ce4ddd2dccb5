package fr.passerelle.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** What every table of the window shares. */
public final class Tables {
  /** Room around a header's text: cell padding and the sort arrow. */
  private static final double HEADER_ROOM = 34;

  private Tables() {}

  /**
   * Column headers are never cut ("Disponi…"): each column, present or added later, is at least as
   * wide as its header's text; the counselor may widen it, not shrink it below that.
   */
  public static <S> void wholeHeaders(TableView<S> table) {
    table.getColumns().forEach(Tables::fit);
    table
        .getColumns()
        .addListener(
            (ListChangeListener<TableColumn<S, ?>>)
                c -> {
                  while (c.next()) {
                    c.getAddedSubList().forEach(Tables::fit);
                  }
                });
  }

  /**
   * The column's text whole, on as many lines as its width needs (the row grows): sentences and
   * long names that an ellipsis would cut ("Agence France Travail Mont…").
   */
  public static <S> void wrapping(TableColumn<S, String> column) {
    column.setCellFactory(
        col ->
            new TableCell<>() {
              private final Text text = new Text();

              {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.getStyleClass().add("text");
                setPrefHeight(Region.USE_COMPUTED_SIZE);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
              }
            });
  }

  private static void fit(TableColumn<?, ?> column) {
    String text = column.getText();
    if (text == null || text.isEmpty()) {
      return;
    }
    Text probe = new Text(text);
    Font base = Font.getDefault();
    probe.setFont(Font.font(base.getFamily(), FontWeight.BOLD, Math.max(base.getSize(), 14)));
    double width = Math.ceil(probe.getLayoutBounds().getWidth() + HEADER_ROOM);
    column.setMinWidth(Math.max(column.getMinWidth(), width));
    if (column.getPrefWidth() < width) {
      column.setPrefWidth(width);
    }
  }
}
