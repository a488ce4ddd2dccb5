package fr.passerelle.ui;

import java.util.Optional;

/**
 * Edits a view holds that are not saved yet, so that nothing is dropped silently (docs/UI.md,
 * "Master–detail"): before the shell shows another entry, switches user, changes the language or
 * closes the window, it asks the view and, when something is pending, asks the counselor "Save /
 * Discard / Cancel" ({@link DialogService#unsaved}).
 */
public interface UnsavedChanges {
  /** Nothing is ever pending. */
  UnsavedChanges NONE =
      new UnsavedChanges() {
        @Override
        public Optional<String> pending() {
          return Optional.empty();
        }

        @Override
        public void save(Runnable saved) {
          saved.run();
        }

        @Override
        public void discard() {}
      };

  /**
   * What is not saved, in words that complete "… a des modifications non enregistrées" ("La fiche
   * de MARTIN Alain"); empty when nothing is.
   */
  Optional<String> pending();

  /**
   * Saves what is pending (in the background), then runs {@code saved} on the FX thread; does not
   * run it when the save is refused or fails (the view shows why, and the counselor stays there).
   */
  void save(Runnable saved);

  /** Drops what is pending (the form shows the saved values again). */
  void discard();

  /**
   * Runs {@code then} at once when nothing is pending; else asks Save / Discard / Cancel (Cancel by
   * default) and runs it after a save that succeeded or a discard, never after Cancel.
   */
  static void guard(UnsavedChanges changes, DialogService dialogs, Runnable then) {
    Optional<String> what = changes.pending();
    if (what.isEmpty()) {
      then.run();
      return;
    }
    switch (dialogs.unsaved(what.get())) {
      case SAVE -> changes.save(then);
      case DISCARD -> {
        changes.discard();
        then.run();
      }
      case CANCEL -> {}
    }
  }
}
