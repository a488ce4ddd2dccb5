package fr.passerelle.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A table's or list's placeholder: a progress indicator and what is being loaded while {@code
 * loading}, the empty state otherwise, so "no offers" is never shown before the offers are read.
 */
public final class LoadingPlaceholder extends StackPane {
  private final VBox busy;
  private final Label empty;

  public LoadingPlaceholder(ObservableBooleanValue loading, String loadingText, String emptyText) {
    this(loading, loadingText, new ReadOnlyStringWrapper(emptyText));
  }

  /** With an empty state that depends on the context (nothing selected, or nothing found). */
  public LoadingPlaceholder(
      ObservableBooleanValue loading, String loadingText, ObservableStringValue emptyText) {
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(36, 36);
    busy = new VBox(8, progress, new Label(loadingText));
    busy.setAlignment(Pos.CENTER);
    busy.setId("loading");
    empty = new Label();
    empty.textProperty().bind(emptyText);
    empty.setWrapText(true);
    empty.setId("empty");
    busy.visibleProperty().bind(loading);
    empty.visibleProperty().bind(busy.visibleProperty().not());
    getChildren().addAll(busy, empty);
  }

  /** True while the progress is the visible state (for tests). */
  public boolean showsProgress() {
    return busy.isVisible();
  }

  /** The text of the empty state. */
  public String emptyText() {
    return empty.getText();
  }

  /** True while the empty state is the visible state (for tests). */
  public boolean showsEmptyState() {
    return empty.isVisible();
  }
}
