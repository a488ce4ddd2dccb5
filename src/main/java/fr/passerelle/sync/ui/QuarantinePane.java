package fr.passerelle.sync.ui;

import fr.passerelle.sync.Quarantine;
import fr.passerelle.ui.Messages;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Rows of partners' files refused one by one (ADR 0085): when, from whom, what (the person, when
 * this office holds them) and why, in the counselor's words. The rest of each file was applied.
 */
final class QuarantinePane {
  private final Messages m;
  private final SyncViewModel vm;
  private final DateTimeFormatter when;

  QuarantinePane(Messages m, SyncViewModel vm) {
    this.m = m;
    this.vm = vm;
    this.when = fr.passerelle.core.DateFormats.DAY_TIME;
  }

  Node build() {
    Label intro = new Label(m.get("sync.quarantine.intro"));
    intro.setWrapText(true);
    intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    TableView<Quarantine.Entry> table = new TableView<>(vm.refused());
    fr.passerelle.ui.Tables.wholeHeaders(table);
    table.setId("sync-refused");
    Label none = new Label(m.get("sync.quarantine.empty"));
    none.setWrapText(true);
    none.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    table.setPlaceholder(none);
    table.setMinHeight(110); // room for the sentence on two lines under the headers at 1366×768
    table
        .getColumns()
        .addAll(
            column("sync.quarantine.at", e -> when.format(e.at()), 105),
            column("sync.quarantine.sender", Quarantine.Entry::senderOffice, 150),
            column("sync.quarantine.what", this::what, 190),
            column("sync.quarantine.reason", this::reason, 330));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    VBox box = new VBox(6, intro, table);
    box.setPadding(new Insets(6));
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  /** "Candidats : modification — Adam Martin (9c1e…)". */
  String what(Quarantine.Entry e) {
    String kind =
        m.get(
            e.deletion() ? "sync.quarantine.deletion" : "sync.quarantine.change",
            SyncTableNames.label(m, e.table()));
    if (e.personId() == null) {
      return kind;
    }
    String id = e.personId().toString().substring(0, 8) + "…";
    return kind
        + " — "
        + (e.personName() == null ? id : m.get("sync.quarantine.person", e.personName(), id));
  }

  /** The reason, in the counselor's language. */
  String reason(Quarantine.Entry e) {
    String holder = e.holder() == null ? m.get("sync.refusal.someone") : e.holder();
    return m.get(e.reason().key(), e.senderOrganisation(), holder);
  }

  private TableColumn<Quarantine.Entry, String> column(
      String key, Function<Quarantine.Entry, String> f, double width) {
    TableColumn<Quarantine.Entry, String> c = new TableColumn<>(m.get(key));
    c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(width * 0.6);
    fr.passerelle.ui.Tables.wrapping(c); // whole sentences: the text wraps, the row grows
    return c;
  }
}
