package fr.passerelle.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * A notice after a frequent destructive action, in the view, without a question: "LEFÈVRE Hélène
 * retirée de « Info coll » — Annuler" (#19, "nothing lost by a wrong click"). It stays about eight
 * seconds, or until the next notice, the close button or Esc; "Annuler" runs the action given with
 * the notice (a service call that puts things back), once. Hidden, it takes no room.
 */
public final class UndoNotice extends HBox {
  /** How long the notice stays. */
  public static final Duration SHOWN = Duration.seconds(8);

  final Label text = new Label();
  final Button undo = new Button();
  private final PauseTransition timer = new PauseTransition(SHOWN);
  private Runnable action;

  public UndoNotice(Messages m) {
    setId("undoNotice");
    getStyleClass().add("undo-notice");
    getStylesheets().add(Chips.CSS);
    text.setId("undoText");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    undo.setId("undo");
    undo.setText(m.get("undo.action"));
    undo.setMinWidth(Region.USE_PREF_SIZE);
    undo.setOnAction(
        e -> {
          Runnable a = action;
          hide();
          if (a != null) {
            a.run();
          }
        });
    Button close = new Button("×");
    close.setId("undoClose");
    close.setAccessibleText(m.get("undo.dismiss"));
    close.setMinWidth(Region.USE_PREF_SIZE);
    close.getStyleClass().add("flat");
    close.setOnAction(e -> hide());
    setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
            hide();
            e.consume();
          }
        });
    timer.setOnFinished(e -> hide());
    setSpacing(8);
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 8, 4, 10));
    getChildren().addAll(text, undo, close);
    hide();
  }

  /** Shows {@code what} happened, with "Annuler" running {@code undoAction}; replaces the last. */
  public void show(String what, Runnable undoAction) {
    text.setText(what);
    action = undoAction;
    setManaged(true);
    setVisible(true);
    timer.playFromStart();
  }

  /** Takes the notice away; its action can no longer run. */
  public void hide() {
    timer.stop();
    action = null;
    setVisible(false);
    setManaged(false);
  }

  /** Whether a notice is shown (its action can still run). */
  public boolean showing() {
    return action != null && isVisible();
  }
}
