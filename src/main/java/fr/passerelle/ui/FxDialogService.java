package fr.passerelle.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's {@link DialogService}: JavaFX alerts in the UI language, owned by the window {@code
 * owner} gives, sized to their content, the safe answer as their only default button; file and
 * folder choosers that open in the folder last chosen for the same purpose (for the session).
 */
public final class FxDialogService implements DialogService {
  private final Messages m;
  private final Supplier<Window> owner;
  private final LastFolders lastFolders = new LastFolders();

  /** Questions in {@code m}'s language, owned by the window {@code owner} gives (may be null). */
  public FxDialogService(Messages m, Supplier<Window> owner) {
    this.m = m;
    this.owner = owner;
  }

  /**
   * The window a dialog belongs to when nobody says: the focused one, else the first shown (a test
   * stage, the main window). Null when none is shown.
   */
  public static Window activeWindow() {
    List<Window> shown = Window.getWindows().stream().filter(Window::isShowing).toList();
    return shown.stream()
        .filter(Window::isFocused)
        .findFirst()
        .orElse(shown.stream().findFirst().orElse(null));
  }

  @Override
  public void info(String header, String text) {
    ButtonType ok = ButtonType.OK;
    alert(Alert.AlertType.INFORMATION, header, text, ok, ok).showAndWait();
  }

  @Override
  public void error(String id, String header, String text, Runnable closed) {
    Alert a = alert(Alert.AlertType.ERROR, header, null, ButtonType.OK, ButtonType.OK);
    Label label = new Label(text);
    label.setWrapText(true);
    label.setId(id);
    label.setMaxWidth(540);
    a.getDialogPane().setContent(label);
    a.setOnHidden(e -> closed.run());
    a.show();
  }

  @Override
  public boolean confirm(String header, String text, String action) {
    return ask(Alert.AlertType.CONFIRMATION, header, text, action);
  }

  @Override
  public boolean confirmDestructive(String header, String text, String action) {
    return ask(Alert.AlertType.WARNING, header, text, action);
  }

  private boolean ask(Alert.AlertType type, String header, String text, String action) {
    ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OTHER);
    String safe = m.get("unsaved.cancel");
    if (action.toLowerCase(m.locale()).startsWith(safe.toLowerCase(m.locale()))) {
      // "Annuler la réunion" beside "Annuler" read as two ways to cancel it: the safe answer
      // then says what it is ("Ne pas annuler")
      safe = m.get("dialog.dontCancel");
    }
    ButtonType cancel = cancel(safe);
    Alert a = alert(type, header, text, cancel, go, cancel);
    a.getDialogPane().setId("confirm-dialog");
    return a.showAndWait().orElse(cancel) == go;
  }

  @Override
  public Unsaved unsaved(String what) {
    ButtonType save = new ButtonType(m.get("unsaved.save"), ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType(m.get("unsaved.discard"), ButtonBar.ButtonData.NO);
    ButtonType cancel = cancel(m.get("unsaved.cancel"));
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
    return r == save ? Unsaved.SAVE : r == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
  }

  @Override
  public <T> Optional<T> choose(
      String id, String header, String text, List<Answer<T>> answers, String safe) {
    List<ButtonType> buttons = new ArrayList<>();
    for (Answer<T> answer : answers) {
      buttons.add(new ButtonType(answer.label(), ButtonBar.ButtonData.OTHER));
    }
    ButtonType cancel = cancel(safe);
    buttons.add(cancel);
    Alert a =
        alert(Alert.AlertType.WARNING, header, text, cancel, buttons.toArray(ButtonType[]::new));
    a.getDialogPane().setId(id);
    int chosen = buttons.indexOf(a.showAndWait().orElse(cancel));
    return chosen < answers.size() ? Optional.of(answers.get(chosen).value()) : Optional.empty();
  }

  @Override
  public <R> Optional<R> show(Dialog<R> dialog) {
    Window w = owner();
    if (dialog.getOwner() == null && w != null && !dialog.isShowing()) {
      dialog.initOwner(w);
    }
    return dialog.showAndWait();
  }

  @Override
  public Optional<Path> openFile(FileChoice choice) {
    return chosen(choice.purpose(), fileChooser(choice).showOpenDialog(owner()), true);
  }

  @Override
  public Optional<Path> saveFile(FileChoice choice) {
    return chosen(choice.purpose(), fileChooser(choice).showSaveDialog(owner()), true);
  }

  @Override
  public Optional<Path> chooseFolder(String purpose, String title) {
    DirectoryChooser dc = new DirectoryChooser();
    dc.setTitle(title);
    folder(purpose).ifPresent(dc::setInitialDirectory);
    return chosen(purpose, dc.showDialog(owner()), false);
  }

  @Override
  public Optional<String> input(String header, String text, String initial) {
    TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
    d.setTitle(m.get("app.title"));
    d.setHeaderText(header);
    d.setContentText(text);
    // Annuler in the window's language (the JVM's locale would say "Cancel" in an English system)
    d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, cancel(m.get("unsaved.cancel")));
    d.getDialogPane().setId("input-dialog");
    d.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    return show(d);
  }

  private FileChooser fileChooser(FileChoice choice) {
    FileChooser fc = new FileChooser();
    if (choice.title() != null) {
      fc.setTitle(choice.title());
    }
    if (choice.initialName() != null) {
      fc.setInitialFileName(choice.initialName());
    }
    for (Filter f : choice.filters()) {
      fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.label(), f.patterns()));
    }
    folder(choice.purpose()).ifPresent(fc::setInitialDirectory);
    return fc;
  }

  private Optional<File> folder(String purpose) {
    return lastFolders.folder(purpose).map(Path::toFile);
  }

  private Optional<Path> chosen(String purpose, File f, boolean isFile) {
    Optional<Path> p = Optional.ofNullable(f).map(File::toPath);
    p.ifPresent(chosen -> lastFolders.chosen(purpose, chosen, isFile));
    return p;
  }

  /**
   * The window a dialog belongs to: the one {@code owner} gives, or the newest modal dialog shown
   * over it (a question asked from the import report belongs to the report, above it: the window
   * beneath is blocked while the report is open).
   */
  private Window owner() {
    Window main = owner.get();
    Window top = main;
    for (Window w : Window.getWindows()) {
      if (w != main
          && w.isShowing()
          && w instanceof Stage s
          && s.getModality() != Modality.NONE
          && ownedBy(w, main)) {
        top = w;
      }
    }
    return top;
  }

  private static boolean ownedBy(Window w, Window main) {
    for (Window x = w; x != null; x = x instanceof Stage s ? s.getOwner() : null) {
      if (x == main) {
        return true;
      }
    }
    return false;
  }

  /** The safe answer's button: Annuler or what {@code label} says, closing the dialog. */
  private static ButtonType cancel(String label) {
    return new ButtonType(label, ButtonBar.ButtonData.CANCEL_CLOSE);
  }

  private Alert alert(
      Alert.AlertType type, String header, String text, ButtonType safe, ButtonType... buttons) {
    Alert a = new Alert(type, text == null ? "" : text, buttons);
    a.setTitle(m.get("app.title"));
    a.setHeaderText(header);
    Window w = owner();
    if (w != null) {
      a.initOwner(w);
    }
    // whole: every answer and the longest word of the text ("Ouvrir la fich…", a login cut at the
    // alert's default width with the application's theme, #19)
    a.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    safeDefault(a.getDialogPane(), safe);
    return a;
  }

  /**
   * Makes {@code safe} the dialog's only default button (Enter) and its cancel button (Esc): the
   * button data of the others (YES, OK_DONE…) would otherwise make them the default. For the
   * dialogs with their own content shown through {@link #show}.
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
