package fr.passerelle.candidates.ui;

import fr.passerelle.ui.Confirm;
import fr.passerelle.ui.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The questions of a save refused over a colleague's newer edit (ADR 0177): "Modifié par … le … à …
 * pendant que vous le modifiiez" with Recharger / Comparer / Annuler (the default, safe answer:
 * nothing typed is lost), and the comparison — the fields that differ, mine beside theirs, a box
 * per field to take theirs — before saving again on their version.
 */
final class ConflictDialogs {
  private final Messages msg;
  private final Supplier<Window> owner;

  ConflictDialogs(Messages msg, Supplier<Window> owner) {
    this.msg = msg;
    this.owner = owner;
  }

  /** Asks, then tells {@code form} the counselor's choice. */
  void ask(CandidateDetailViewModel form, CandidateConflict c) {
    ButtonType reload =
        new ButtonType(msg.get("candidates.conflict.reload"), ButtonBar.ButtonData.OTHER);
    ButtonType compare =
        new ButtonType(msg.get("candidates.conflict.compare"), ButtonBar.ButtonData.YES);
    ButtonType cancel =
        new ButtonType(msg.get("candidates.conflict.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert a =
        new Alert(
            Alert.AlertType.WARNING, msg.get("candidates.conflict.help"), reload, compare, cancel);
    a.setTitle(msg.get("candidates.conflict.title"));
    a.setHeaderText(c.text());
    a.getDialogPane().setId("conflict-dialog");
    a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    own(a);
    Confirm.safeDefault(a.getDialogPane(), cancel);
    ButtonType r = a.showAndWait().orElse(cancel);
    if (r == reload) {
      form.reloadTheirs();
    } else if (r == compare) {
      compare(c).ifPresentOrElse(form::saveOnTheirs, form::keepEditing);
    } else {
      form.keepEditing();
    }
  }

  /**
   * The fields that differ side by side; the keys of those to take from theirs, empty if Annuler.
   */
  private java.util.Optional<Set<String>> compare(CandidateConflict c) {
    List<CandidateConflict.Difference> diffs = c.differences(msg);
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(8);
    grid.setPadding(new Insets(8));
    grid.addRow(
        0,
        bold(msg.get("candidates.conflict.field")),
        bold(msg.get("candidates.conflict.mine")),
        bold(msg.get("candidates.conflict.theirs")),
        bold(msg.get("candidates.conflict.takeTheirs")));
    Map<String, CheckBox> take = new LinkedHashMap<>();
    int row = 1;
    for (CandidateConflict.Difference d : diffs) {
      CheckBox box = new CheckBox();
      box.setId("take-" + d.key().replace('.', '-'));
      take.put(d.key(), box);
      grid.addRow(
          row++,
          new Label(msg.get(d.key()).replace("_", "")),
          value(d.mine()),
          value(d.theirs()),
          box);
    }
    if (diffs.isEmpty()) {
      grid.add(new Label(msg.get("candidates.conflict.none")), 0, row, 4, 1);
    }
    ButtonType apply =
        new ButtonType(msg.get("candidates.conflict.apply"), ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel =
        new ButtonType(msg.get("candidates.conflict.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Dialog<ButtonType> d = new Dialog<>();
    d.setTitle(msg.get("candidates.conflict.title"));
    d.setHeaderText(msg.get("candidates.conflict.compareTitle"));
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().addAll(apply, cancel);
    d.getDialogPane().setId("conflict-compare");
    own(d);
    Confirm.safeDefault(d.getDialogPane(), cancel);
    if (d.showAndWait().orElse(cancel) != apply) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        take.entrySet().stream()
            .filter(e -> e.getValue().isSelected())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet()));
  }

  private void own(Dialog<?> d) {
    Window w = owner.get();
    if (w != null) {
      d.initOwner(w);
    }
  }

  private static Label bold(String s) {
    Label l = new Label(s);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static Label value(String s) {
    Label l = new Label(s.isEmpty() ? "—" : s);
    l.setWrapText(true);
    l.setMaxWidth(260);
    return l;
  }
}
