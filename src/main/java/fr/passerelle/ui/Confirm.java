package fr.passerelle.ui;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The questions asked before work could be lost (docs/UI.md, "Destructive actions"): each names
 * what will happen, and its default button — the one Enter presses — is always the safe one
 * (Cancel), never the one that deletes, merges or drops edits.
 */
public final class Confirm {
  /** The answer to "unsaved changes". */
  public enum Choice {
    SAVE,
    DISCARD,
    CANCEL
  }

  private final Messages m;
  private final Supplier<Window> owner;

  /** Questions in {@code m}'s language, owned by the window {@code owner} gives (may be null). */
  public Confirm(Messages m, Supplier<Window> owner) {
    this.m = m;
    this.owner = owner;
  }

  /** "{what} a des modifications non enregistrées": Enregistrer / Ne pas enregistrer / Annuler. */
  public Choice unsaved(String what) {
    ButtonType save = new ButtonType(m.get("unsaved.save"), ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType(m.get("unsaved.discard"), ButtonBar.ButtonData.NO);
    ButtonType cancel = new ButtonType(m.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert a =
        alert(
            Alert.AlertType.CONFIRMATION,
            m.get("unsaved.title"),
            m.get("unsaved.text", what),
            cancel,
            save,
            discard,
            cancel);
    a.getDialogPane().setId("unsaved-dialog");
    ButtonType r = a.showAndWait().orElse(cancel);
    return r == save ? Choice.SAVE : r == discard ? Choice.DISCARD : Choice.CANCEL;
  }

  /**
   * Asks once before a destructive action: {@code header} names it, {@code text} says what will
   * happen, {@code action} labels the button that does it. True to go ahead; Enter and Esc cancel.
   */
  public boolean destructive(String header, String text, String action) {
    ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OTHER);
    ButtonType cancel = new ButtonType(m.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert a = alert(Alert.AlertType.WARNING, header, text, cancel, go, cancel);
    a.getDialogPane().setId("confirm-dialog");
    return a.showAndWait().orElse(cancel) == go;
  }

  private Alert alert(
      Alert.AlertType type, String header, String text, ButtonType safe, ButtonType... buttons) {
    Alert a = new Alert(type, text, buttons);
    a.setTitle(m.get("app.title"));
    a.setHeaderText(header);
    Window w = owner.get();
    if (w != null) {
      a.initOwner(w);
    }
    a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    safeDefault(a.getDialogPane(), safe);
    return a;
  }

  /**
   * Makes {@code safe} the dialog's only default button (Enter) and its cancel button (Esc): the
   * button data of the others (YES, OK_DONE…) would otherwise make them the default.
   */
  public static void safeDefault(DialogPane pane, ButtonType safe) {
    for (ButtonType t : pane.getButtonTypes()) {
      if (pane.lookupButton(t) instanceof Button b) {
        b.setDefaultButton(t == safe);
        b.setCancelButton(t == safe);
      }
    }
  }
}
