package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.Participant;
import fr.passerelle.ui.Messages;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The participants' table's columns at 1366×768 (#19): the name and the e-mail share the width
 * (long names and addresses ended in "…" while the status kept room it did not use), the status and
 * the phone only as wide as they need; a cut text is whole in its cell's tooltip; the phone and the
 * e-mail of the selected person are copied from the table's menu (right click, or the menu key), to
 * call or write before the meeting.
 */
final class ParticipantColumns {
  private ParticipantColumns() {}

  /**
   * Sets {@code table}'s columns; {@code status} words a participant's status, {@code copied} is
   * told what was put on the clipboard ("E-mail copié : …").
   */
  static void install(
      TableView<Participant> table,
      Messages m,
      Function<Participant, String> status,
      Consumer<String> copied) {
    TableColumn<Participant, String> name =
        column(m, "meetings.col.name", ParticipantsPane::nameAndOrganisation);
    TableColumn<Participant, String> state = column(m, "meetings.col.status", status);
    TableColumn<Participant, String> phone =
        column(m, "meetings.col.phone", p -> p.phone() == null ? "" : p.phone());
    TableColumn<Participant, String> email =
        column(m, "meetings.col.email", p -> p.email() == null ? "" : p.email());
    // the constrained policy shares the width in proportion to these, within the bounds: the
    // name and the e-mail take what the status ("En attente (rang 12)") and the phone
    // ("06 08 90 12 34", whole) leave
    size(name, 100, 190, Double.MAX_VALUE);
    size(state, 70, 90, 125);
    size(phone, 130, 130, 130);
    size(email, 100, 190, Double.MAX_VALUE);
    table.getColumns().setAll(List.of(name, state, phone, email));
    table.setContextMenu(copyMenu(table, m, copied));
  }

  private static void size(TableColumn<?, ?> c, double min, double pref, double max) {
    c.setMinWidth(min);
    c.setPrefWidth(pref);
    c.setMaxWidth(max);
  }

  private static TableColumn<Participant, String> column(
      Messages m, String key, Function<Participant, String> f) {
    TableColumn<Participant, String> c = new TableColumn<>(m.get(key));
    c.setId(key.substring(key.lastIndexOf('.') + 1)); // its name in the remembered choices
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setCellFactory(x -> new WholeInTooltip());
    return c;
  }

  /** A cell whose text, when cut by the column's width, is whole in its tooltip. */
  static final class WholeInTooltip extends TableCell<Participant, String> {
    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      boolean none = empty || item == null || item.isBlank();
      setText(none ? null : item);
      whole.setText(none ? "" : item);
      setTooltip(none ? null : whole);
    }
  }

  private static ContextMenu copyMenu(
      TableView<Participant> table, Messages m, Consumer<String> copied) {
    MenuItem email = new MenuItem(m.get("meetings.participants.copyEmail"));
    MenuItem phone = new MenuItem(m.get("meetings.participants.copyPhone"));
    email.setId("copyEmail");
    phone.setId("copyPhone");
    email.setOnAction(e -> copy(table, Participant::email, copied, m));
    phone.setOnAction(e -> copy(table, Participant::phone, copied, m));
    ContextMenu menu = new ContextMenu(email, phone);
    menu.setOnShowing(
        e -> {
          Participant p = table.getSelectionModel().getSelectedItem();
          email.setDisable(p == null || p.email() == null || p.email().isBlank());
          phone.setDisable(p == null || p.phone() == null || p.phone().isBlank());
        });
    return menu;
  }

  private static void copy(
      TableView<Participant> table,
      Function<Participant, String> what,
      Consumer<String> copied,
      Messages m) {
    Participant p = table.getSelectionModel().getSelectedItem();
    String text = p == null ? null : what.apply(p);
    if (text == null || text.isBlank()) {
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
    copied.accept(m.get("meetings.participants.copied", text));
  }
}
