package fr.passerelle.sourcing.ui;

import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.ui.Chips;
import fr.passerelle.ui.ColumnChoices;
import fr.passerelle.ui.Messages;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The columns of a sourcing list's entries: the person (name, phone, e-mail where a counselor calls
 * people, commune), the stage, the date added and score, the priority publics as chips; a cut text
 * whole in its cell's tooltip, the phone never cut; the column menu remembered, the date added and
 * the score hidden at first so the rest is whole at 1366×768 (#19).
 */
final class EntryColumns {
  private final Messages msg;
  private final DateTimeFormatter day;

  EntryColumns(Messages msg, DateTimeFormatter day) {
    this.msg = msg;
    this.day = day;
  }

  void addTo(TableView<SourcingEntry> entries, ColumnChoices choices) {
    TableColumn<SourcingEntry, String> phone =
        col("phone", "lists.col.phone", e -> nz(e.phone()), 132);
    phone.setMinWidth(130); // read whole, never "07 04 35 …"
    entries
        .getColumns()
        .addAll(
            List.of(
                col("name", "lists.col.name", SourcingEntry::displayName, 150),
                phone,
                col("email", "lists.col.email", e -> nz(e.email()), 160),
                col("commune", "lists.col.commune", SourcingEntry::communeName, 105),
                col(
                    "status",
                    "lists.col.status",
                    e -> msg.get("lists.status." + e.status().name()),
                    95),
                col(
                    "added",
                    "lists.col.added",
                    e -> e.addedOn() == null ? "" : day.format(e.addedOn()),
                    95),
                col("score", "lists.col.score", e -> e.score() == null ? "" : e.score(), 55),
                criteria()));
    entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    choices.remember(entries, "lists", Set.of("added", "score"));
  }

  private TableColumn<SourcingEntry, SourcingEntry> criteria() {
    TableColumn<SourcingEntry, SourcingEntry> c =
        Chips.column(msg.get("lists.col.publics"), e -> Chips.criteria(msg, e.criteria()));
    c.setId("publics");
    c.setPrefWidth(175); // "Publics prioritaires" whole beside the column menu at 1366×768
    return c;
  }

  private <T> TableColumn<SourcingEntry, T> col(
      String id, String titleKey, Function<SourcingEntry, T> value, double width) {
    TableColumn<SourcingEntry, T> c = new TableColumn<>(msg.get(titleKey));
    c.setId(id);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    c.setCellFactory(
        x ->
            new TableCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : String.valueOf(item);
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
              }
            });
    return c;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
