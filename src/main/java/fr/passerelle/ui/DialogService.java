package fr.passerelle.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
 *
 * <p>The file and folder choosers and the one-line text input are here too (ADR 0193): a view says
 * what it wants ({@link FileChoice}) and receives a path or nothing; the kit's implementation sets
 * the owner, the filters and the folder last used for the same purpose.
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

  /** A filter of a file chooser: its label ("CSV (Excel)") and patterns ("*.csv"). */
  record Filter(String label, List<String> patterns) {
    public Filter {
      patterns = List.copyOf(patterns);
    }

    public static Filter of(String label, String... patterns) {
      return new Filter(label, List.of(patterns));
    }
  }

  /**
   * What a file chooser asks (after JabRef's {@code FileDialogConfiguration}): {@code purpose}
   * names what the file is for ("candidates-import", "audit-export"; the chooser opens in the
   * folder last chosen for it), {@code title} its title bar (null: the system's), {@code
   * initialName} the name a save dialog proposes (null: none), {@code filters} the kinds of file
   * offered, the first one selected.
   */
  record FileChoice(String purpose, String title, String initialName, List<Filter> filters) {
    public FileChoice {
      filters = List.copyOf(filters);
    }

    /** A chooser for {@code purpose} titled {@code title}, no name proposed, every file. */
    public static FileChoice of(String purpose, String title) {
      return new FileChoice(purpose, title, null, List.of());
    }

    /** The same, proposing {@code name}. */
    public FileChoice named(String name) {
      return new FileChoice(purpose, title, name, filters);
    }

    /** The same, offering {@code filter} after the others. */
    public FileChoice filter(String label, String... patterns) {
      List<Filter> all = new java.util.ArrayList<>(filters);
      all.add(Filter.of(label, patterns));
      return new FileChoice(purpose, title, initialName, all);
    }
  }

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

  /**
   * As {@link #show(Dialog)}, the dialog built only when it is shown (a scripted fake builds none,
   * so a workflow that shows one is tested without the FX toolkit); {@code id} names it for the
   * fake.
   */
  default <R> Optional<R> show(String id, Supplier<? extends Dialog<R>> dialog) {
    return show(dialog.get());
  }

  /** An existing file to read, chosen by the counselor; empty when they cancel. */
  Optional<Path> openFile(FileChoice choice);

  /** A file to write (the system asks before replacing one); empty when they cancel. */
  Optional<Path> saveFile(FileChoice choice);

  /**
   * A folder to write into, for {@code purpose} (opens in the one last chosen for it), titled
   * {@code title}; empty when they cancel.
   */
  Optional<Path> chooseFolder(String purpose, String title);

  /**
   * One line of text ({@code header} says what it is for, {@code text} beside the field, the field
   * starting with {@code initial}); empty when they cancel.
   */
  Optional<String> input(String header, String text, String initial);
}
