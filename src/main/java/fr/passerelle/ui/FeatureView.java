package fr.passerelle.ui;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the navigation rail and the view behind it. The shell builds the node lazily, the
 * first time the entry is shown, and calls {@link #onShow()} every time it is shown.
 */
public interface FeatureView {
  /** Stable id: "dashboard", "meetings", "candidates", "offers", "lists", "training", "sync". */
  String id();

  /** Message key of the navigation label. */
  String titleKey();

  Ikon icon();

  /** Builds the view (called once, on the FX thread; must not touch the database). */
  Node build();

  /** Called each time the view is shown: refresh in the background. */
  default void onShow() {}

  /** Called once by the shell with the way to open other views (e.g. a dashboard's links). */
  default void setNavigator(Navigator navigator) {}

  /**
   * Called after {@link #onShow()} when another view (or the shell) asks this one for something: a
   * {@link Navigation} whose {@link Navigation#target()} is this view's id. Applies it and returns
   * true; returns false for a request it does not know (the default). A view must handle every
   * request of its {@code Navigation.To…} interface: {@code NavigationContractTest} checks it.
   */
  default boolean show(Navigation request) {
    return false;
  }

  /**
   * The edits this view holds that are not saved yet; the shell asks before it shows another entry
   * or closes the window (none by default).
   */
  default UnsavedChanges unsaved() {
    return UnsavedChanges.NONE;
  }
}
