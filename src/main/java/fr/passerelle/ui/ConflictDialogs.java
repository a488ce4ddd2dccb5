package fr.passerelle.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * The questions of a save refused over a colleague's newer edit (ADR 0177): "Modifié par … le … à …
 * pendant que vous le modifiiez" with Recharger / Comparer / Annuler (the default, safe answer:
 * nothing typed is lost), and the comparison — the fields that differ, mine beside theirs, a box
 * per field to take theirs — before saving again on their version. Shared by the forms of
 * candidates, offers and training paths (ADR 0181).
 */
public final class ConflictDialogs {
  private final Messages msg;
  private final DialogService dialogs;

  public ConflictDialogs(Messages msg, DialogService dialogs) {
    this.msg = msg;
    this.dialogs = dialogs;
  }

  /**
   * Asks, on the FX thread, each time {@code conflict} holds a refused save of {@code form}: its
   * sentence is {@code text} of it, and Comparer shows {@code differences} of it (null: no
   * comparison).
   */
  public <C> void askOn(
      javafx.beans.value.ObservableValue<C> conflict,
      ConflictChoices form,
      java.util.function.Function<C, String> text,
      java.util.function.Function<C, List<FormConflict.Difference>> differences) {
    conflict.addListener(
        (o, a, c) -> {
          if (c != null) {
            javafx.application.Platform.runLater(
                () ->
                    ask(
                        form,
                        text.apply(c),
                        differences == null ? null : () -> differences.apply(c)));
          }
        });
  }

  /**
   * Asks about the refusal {@code text} says, then tells {@code form} the counselor's choice; the
   * Comparer button shows {@code differences} (null: no comparison, Recharger or Annuler only).
   */
  public void ask(
      ConflictChoices form, String text, Supplier<List<FormConflict.Difference>> differences) {
    List<DialogService.Answer<Boolean>> answers =
        differences == null
            ? List.of(new DialogService.Answer<>(false, msg.get("conflict.reload")))
            : List.of(
                new DialogService.Answer<>(false, msg.get("conflict.reload")),
                new DialogService.Answer<>(true, msg.get("conflict.compare")));
    Optional<Boolean> compare =
        dialogs.choose(
            "conflict-dialog",
            text,
            msg.get(differences == null ? "conflict.helpNoCompare" : "conflict.help"),
            answers,
            msg.get("conflict.cancel"));
    if (compare.isEmpty()) {
      form.keepEditing();
    } else if (compare.get()) {
      compare(differences.get()).ifPresentOrElse(form::saveOnTheirs, form::keepEditing);
    } else {
      form.reloadTheirs();
    }
  }

  /**
   * The fields that differ side by side; the keys of those to take from theirs, empty if Annuler.
   */
  private Optional<Set<String>> compare(List<FormConflict.Difference> diffs) {
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(8);
    grid.setPadding(new Insets(8));
    grid.addRow(
        0,
        bold(msg.get("conflict.field")),
        bold(msg.get("conflict.mine")),
        bold(msg.get("conflict.theirs")),
        bold(msg.get("conflict.takeTheirs")));
    Map<String, CheckBox> take = new LinkedHashMap<>();
    int row = 1;
    for (FormConflict.Difference d : diffs) {
      CheckBox box = new CheckBox();
      box.setId("take-" + d.key().replace('.', '-'));
      take.put(d.key(), box);
      grid.addRow(
          row++,
          whole(new Label(msg.get(d.key()).replace("_", ""))),
          value(d.mine()),
          value(d.theirs()),
          box);
    }
    if (diffs.isEmpty()) {
      grid.add(new Label(msg.get("conflict.none")), 0, row, 4, 1);
    }
    ButtonType apply = new ButtonType(msg.get("conflict.apply"), ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel =
        new ButtonType(msg.get("conflict.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Dialog<ButtonType> d = new Dialog<>();
    d.setTitle(msg.get("conflict.title"));
    d.setHeaderText(msg.get("conflict.compareTitle"));
    d.getDialogPane().setContent(grid);
    // the window no narrower than the table and its buttons: with the application's theme (larger
    // font) the field names and headers were cut to "…" at 1366×768 (ADR 0197's screenshot)
    grid.setMinWidth(Region.USE_PREF_SIZE);
    d.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
    d.getDialogPane().getButtonTypes().addAll(apply, cancel);
    d.getDialogPane().setId("conflict-compare");
    FxDialogService.safeDefault(d.getDialogPane(), cancel);
    if (dialogs.show(d).orElse(cancel) != apply) {
      return Optional.empty();
    }
    return Optional.of(
        take.entrySet().stream()
            .filter(e -> e.getValue().isSelected())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet()));
  }

  private static Label bold(String s) {
    Label l = whole(new Label(s));
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  /** {@code l} never cut to "…": a field's name or a column's heading. */
  private static Label whole(Label l) {
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static Label value(String s) {
    Label l = new Label(s.isEmpty() ? "—" : s);
    l.setWrapText(true);
    l.setMaxWidth(260);
    return l;
  }
}
