package fr.passerelle.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Dialog;

/**
 * Every question and message the window puts in front of the counselor (ADR 0189, after JabRef's
 * {@code DialogService}): views and view models receive one (from {@link UiContext#dialogs()}) and
 * never build an {@code Alert} themselves, so a workflow that asks questions — save, withdraw
 * consent, duplicates, merge — lives in a view model and is tested with a scripted fake, no window.
 *
 * <p>The rule of every question (docs/ui-guidelines.md, "Destructive actions"): it names what will
 * happen, and its default button — the one Enter presses — and Esc are the safe answer (Annuler,
 * nothing done), never the one that deletes, merges or drops edits. Closing the dialog is the safe
 * answer too.
 */
public interface DialogService {
  /** The answer to "unsaved changes". */
  enum Unsaved {
    SAVE,
    DISCARD,
    CANCEL
  }

  /** One answer of a question with several: what it stands for and its button's label. */
  record Answer<T>(T value, String label) {}

  /** A message to read (an information icon, one OK button); waits until it is closed. */
  void info(String header, String text);

  /**
   * A failure the counselor cannot act on in the window (the database cannot be opened): shown
   * without waiting; {@code closed} runs once it is closed. Its text is a label with id {@code id}.
   */
  void error(String id, String header, String text, Runnable closed);

  /**
   * "Go ahead?" with a button labelled {@code action} (naming what it does) and Annuler, the
   * default. True to go ahead.
   */
  boolean confirm(String header, String text, String action);

  /**
   * As {@link #confirm}, for an action that destroys or cannot be undone (a warning icon): delete,
   * merge, withdraw, erase. True to go ahead; Enter and Esc cancel.
   */
  boolean confirmDestructive(String header, String text, String action);

  /** "{what} a des modifications non enregistrées": Enregistrer / Ne pas enregistrer / Annuler. */
  Unsaved unsaved(String what);

  /**
   * A question with one button per answer and the safe one, labelled {@code safe}, as the default
   * (Enter, Esc, closing): the chosen answer's value, empty for the safe one. {@code id} names the
   * dialog (tests and the truncation walks find it by it).
   */
  <T> Optional<T> choose(
      String id, String header, String text, List<Answer<T>> answers, String safe);

  /** A dialog with its own content (a report, a comparison), owned by the window; its result. */
  <R> Optional<R> show(Dialog<R> dialog);
}
