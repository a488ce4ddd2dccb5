package fr.passerelle.training.ui;

import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.WholeWords;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The columns of the board, one per status. Move a card by dragging it to another column, or select
 * it and press Ctrl+→ / Ctrl+← (next / previous step).
 */
final class BoardPane extends HBox {
  /** The width of a column: a card shows a name and a training title without cutting them. */
  static final double COLUMN_WIDTH = 210;

  private final TrainingBoardViewModel vm;
  private final Messages m;

  BoardPane(TrainingBoardViewModel vm, Messages m) {
    super(6);
    this.vm = vm;
    this.m = m;
    setPadding(new Insets(6));
    for (TrainingStatus s : TrainingStatus.values()) {
      getChildren().add(column(s));
    }
  }

  private VBox column(TrainingStatus s) {
    Label head = new Label();
    head.setStyle("-fx-font-weight: bold;");
    head.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    m.get("training.status." + s.name())
                        + (vm.loading().get() ? "" : " (" + vm.column(s).size() + ")"),
                vm.column(s),
                vm.loading()));
    ListView<TrainingPath> list = new ListView<>(vm.column(s));
    list.setId("column-" + s.name());
    // wide enough for "NOM Prénom" and a title on two lines; the board scrolls sideways when the
    // window cannot show the seven columns at this width (1366×768 with the detail pane)
    list.setPrefWidth(COLUMN_WIDTH);
    list.setMinWidth(COLUMN_WIDTH);
    // while the board is read (seconds at region scale) a progress, not "Aucun parcours" (#19)
    list.setPlaceholder(
        new fr.passerelle.ui.LoadingPlaceholder(
            vm.loading(), m.get("training.column.loading"), m.get("training.column.empty")));
    list.setCellFactory(v -> new Card());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, p) -> {
              if (p != null) {
                vm.select(p);
              }
            });
    list.setOnKeyPressed(
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.RIGHT) {
            vm.moveSelected(+1);
            e.consume();
          } else if (e.isShortcutDown() && e.getCode() == KeyCode.LEFT) {
            vm.moveSelected(-1);
            e.consume();
          }
        });
    list.setOnDragOver(
        e -> {
          // only where the card may go: a training not begun is not dropped on "Terminé"
          if (e.getDragboard().hasString() && vm.canMove(find(e.getDragboard().getString()), s)) {
            e.acceptTransferModes(TransferMode.MOVE);
          }
          e.consume();
        });
    list.setOnDragDropped(
        e -> {
          String id = e.getDragboard().getString();
          TrainingPath p = find(id);
          if (p != null) {
            vm.move(p, s, null);
          }
          e.setDropCompleted(p != null);
          e.consume();
        });
    VBox col = new VBox(4, head, list);
    VBox.setVgrow(list, Priority.ALWAYS);
    HBox.setHgrow(col, Priority.ALWAYS);
    return col;
  }

  private TrainingPath find(String id) {
    for (TrainingStatus s : TrainingStatus.values()) {
      for (TrainingPath p : vm.column(s)) {
        if (p.id().toString().equals(id)) {
          return p;
        }
      }
    }
    return null;
  }

  /**
   * A card: the person's name in bold, then the training, its funding and hours, the occupation
   * aimed at; framed, so that the cards of a column read one by one (at 1366×768 they ran into each
   * other as one block of text).
   */
  private final class Card extends ListCell<TrainingPath> {
    private final Label name = new Label();

    /** The card's text, wrapped to the column's width and as tall as it needs (never cut). */
    private final Label body = new Label();

    private final VBox card = new VBox(2, name, body);

    /** The card's whole text, before it is fitted to the card's width. */
    private String whole;

    Card() {
      name.setStyle("-fx-font-weight: bold;");
      // the theme's font comes with the first CSS pass, after the text was first fitted
      body.fontProperty().addListener((o, a, b) -> fit());
      for (Label l : java.util.List.of(name, body)) {
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
      card.setPadding(new Insets(5, 7, 5, 7));
      card.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      setPadding(new Insets(3, 2, 3, 2));
      setOnDragDetected(
          e -> {
            if (getItem() != null) {
              var db = startDragAndDrop(TransferMode.MOVE);
              ClipboardContent c = new ClipboardContent();
              c.putString(getItem().id().toString());
              db.setContent(c);
              e.consume();
            }
          });
    }

    /** As tall as the card's text wrapped to the column's width (the list asks each cell). */
    @Override
    protected double computePrefHeight(double width) {
      if (getGraphic() == null || getListView() == null) {
        return super.computePrefHeight(width);
      }
      double room = getListView().getWidth() - 30;
      return card.prefHeight(room) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    public void updateSelected(boolean selected) {
      super.updateSelected(selected);
      frame();
    }

    @Override
    protected void updateItem(TrainingPath p, boolean empty) {
      super.updateItem(p, empty);
      if (empty || p == null) {
        whole = null;
        setText(null);
        setGraphic(null);
        setAccessibleText(null);
        return;
      }
      String scheme = p.scheme() == null ? "" : "\n" + vm.schemeLabel(p.scheme());
      String hours = p.hours() == null ? "" : " · " + p.hours() + " h";
      String target = p.targetLabel() == null ? "" : "\n→ " + p.targetLabel();
      String due = vm.isOutcomeDue(p) ? "\n⚑ " + m.get("training.outcomeDue") : "";
      String text = p.title() + scheme + hours + target + due;
      name.setText(p.candidateName());
      whole = text;
      fit();
      if (!card.prefWidthProperty().isBound() && getListView() != null) {
        card.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
        card.maxWidthProperty().bind(card.prefWidthProperty());
      }
      setText(null);
      setGraphic(card);
      setPrefWidth(0);
      frame();
      setAccessibleText(name.getText() + "\n" + text);
    }

    /**
     * Never a word broken in the middle ("Conductrice-livreu / se" at 1366×768, #19): compound
     * words broken after a hyphen, in the font the card has now; the whole text is said to screen
     * readers.
     */
    private void fit() {
      if (whole == null) {
        return;
      }
      double column = getListView() == null ? 0 : getListView().getWidth();
      double room = Math.max(column, COLUMN_WIDTH) - 30 - card.getPadding().getLeft();
      room -= card.getPadding().getRight() + 3;
      body.setText(WholeWords.breakAtHyphens(whole, body.getFont(), room));
    }

    /** The frame: the accent when selected, the warning colour when an outcome is due. */
    private void frame() {
      TrainingPath p = getItem();
      boolean due = p != null && !isEmpty() && vm.isOutcomeDue(p);
      card.setStyle(
          "-fx-border-color: "
              + (isSelected() ? "-color-accent-emphasis" : "-color-border-default")
              + "; -fx-border-width: "
              + (isSelected() ? "2" : "1")
              + "; -fx-border-radius: 6; -fx-background-radius: 6; -fx-background-color: "
              + (due ? "-color-warning-subtle" : "-color-bg-default")
              + ";");
    }
  }
}
