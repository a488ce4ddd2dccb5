package fr.passerelle.ui.search;

import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The search field of the top bar and its popup of grouped results. Typing searches after a short
 * pause; Down moves into the results, Enter opens the selected hit, Esc closes.
 */
public final class GlobalSearchField {
  private final GlobalSearchViewModel vm;
  private final Consumer<SearchResult> onOpen;
  private final TextField field = new TextField();
  private final ListView<Object> results = new ListView<>();
  private final Label status = new Label();
  private final Popup popup = new Popup();

  public GlobalSearchField(GlobalSearchViewModel vm, Messages m, Consumer<SearchResult> onOpen) {
    this.vm = vm;
    this.onOpen = onOpen;
    field.setId("global-search");
    field.setPromptText(m.get("search.prompt"));
    field.setAccessibleText(m.get("search.prompt"));
    field.setPrefColumnCount(28);
    PauseTransition pause = new PauseTransition(Duration.millis(180));
    pause.setOnFinished(e -> vm.search(field.getText()));
    field.textProperty().addListener((o, a, b) -> pause.playFromStart());
    field.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DOWN && popup.isShowing() && !results.getItems().isEmpty()) {
            results.requestFocus();
            results.getSelectionModel().select(firstHit());
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER) {
            openFirst();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
          }
        });
    field.focusedProperty().addListener((o, was, is) -> updatePopup());

    results.setId("global-search-results");
    results.setPrefSize(520, 360);
    results.setCellFactory(l -> new ResultCell());
    results.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            open(results.getSelectionModel().getSelectedItem());
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
          }
        });
    results.setOnMouseClicked(e -> open(results.getSelectionModel().getSelectedItem()));
    status.getStyleClass().add("text-muted");
    status.textProperty().bind(vm.statusProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    status.visibleProperty().bind(status.managedProperty());
    VBox box = new VBox(6, status, results);
    box.getStyleClass().add("search-popup");
    popup.getContent().add(box);
    popup.setAutoHide(true);
    vm.groups().addListener((ListChangeListener<SearchGroup>) c -> refill());
    vm.statusProperty().addListener((o, a, b) -> updatePopup());
  }

  public TextField node() {
    return field;
  }

  /** Puts the caret in the field with its text selected (Ctrl+K). */
  public void focus() {
    field.requestFocus();
    field.selectAll();
  }

  private void refill() {
    List<Object> items = new ArrayList<>();
    for (SearchGroup g : vm.groups()) {
      items.add(g.title());
      items.addAll(g.hits());
    }
    results.getItems().setAll(items);
    results.setVisible(!items.isEmpty());
    results.setManaged(!items.isEmpty());
    updatePopup();
  }

  private void updatePopup() {
    boolean show =
        (field.isFocused() || results.isFocused())
            && !field.getText().isBlank()
            && (!results.getItems().isEmpty() || !vm.statusProperty().get().isEmpty());
    if (show && !popup.isShowing() && field.getScene() != null) {
      Bounds b = field.localToScreen(field.getBoundsInLocal());
      popup.show(field, b.getMinX(), b.getMaxY() + 2);
    } else if (!show && popup.isShowing() && !results.isFocused()) {
      popup.hide();
    }
  }

  private int firstHit() {
    for (int i = 0; i < results.getItems().size(); i++) {
      if (results.getItems().get(i) instanceof SearchResult) {
        return i;
      }
    }
    return -1;
  }

  private void openFirst() {
    int i = firstHit();
    if (i >= 0) {
      open(results.getItems().get(i));
    }
  }

  private void open(Object item) {
    if (item instanceof SearchResult hit) {
      close();
      onOpen.accept(hit);
    }
  }

  private void close() {
    popup.hide();
    field.clear();
  }

  private static final class ResultCell extends ListCell<Object> {
    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("search-group");
      setDisable(false);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
      } else if (item instanceof SearchResult hit) {
        Label title = new Label(hit.title());
        Label detail = new Label(hit.detail() == null ? "" : hit.detail());
        detail.getStyleClass().add("text-muted");
        setText(null);
        setGraphic(new VBox(1, title, detail));
      } else {
        setText(item.toString());
        setGraphic(new FontIcon(MaterialDesignM.MAGNIFY));
        getStyleClass().add("search-group");
        setDisable(true);
      }
    }
  }
}
