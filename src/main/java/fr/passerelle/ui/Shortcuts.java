package fr.passerelle.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * A view's keyboard shortcuts, active only while the view is shown: they are put on the window's
 * scene when the view enters it and taken off when it leaves (the shell takes a hidden view out of
 * the scene), so a hidden view's Ctrl+N never fires from another view. They work as soon as the
 * view is shown, wherever the focus is (the navigation rail included).
 */
public final class Shortcuts {
  private final Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
  private final Node view;

  private Shortcuts(Node view) {
    this.view = view;
    view.sceneProperty()
        .addListener(
            (o, left, entered) -> {
              if (left != null) {
                keys.forEach((k, action) -> left.getAccelerators().remove(k, action));
              }
              if (entered != null) {
                entered.getAccelerators().putAll(keys);
              }
            });
  }

  /** The shortcuts of {@code view} (its root node). */
  public static Shortcuts of(Node view) {
    return new Shortcuts(view);
  }

  /** Ctrl (⌘ on macOS) + {@code key}. */
  public static KeyCombination shortcut(KeyCode key) {
    return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
  }

  /** Runs {@code action} on Ctrl (⌘) + {@code key} while the view is shown. */
  public Shortcuts on(KeyCode key, Runnable action) {
    KeyCombination k = shortcut(key);
    keys.put(k, action);
    Scene scene = view.getScene();
    if (scene != null) {
      scene.getAccelerators().put(k, action);
    }
    return this;
  }
}
