package fr.passerelle.offers.ui;

import fr.passerelle.offers.OccupationRow;
import fr.passerelle.offers.OffersModule;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.SourcingService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The occupations tab: figures per occupation, tension flag, and starting a sourcing list. */
public final class OccupationsViewModel {
  private final OffersModule offers;
  private final SourcingService sourcing;
  private final TaskRunner tasks;
  private final Messages msg;
  private final ObservableList<OccupationRow> rows = FXCollections.observableArrayList();
  // true until the first load has answered: the table shows progress, not "no occupation"
  private final BooleanProperty loading = new SimpleBooleanProperty(true);
  private final StringProperty message = new SimpleStringProperty("");

  public OccupationsViewModel(
      OffersModule offers, SourcingService sourcing, TaskRunner tasks, Messages msg) {
    this.offers = offers;
    this.sourcing = sourcing;
    this.tasks = tasks;
    this.msg = msg;
  }

  public void refresh() {
    loading.set(true);
    tasks.submit(
        msg.get("offers.task.occupations"),
        p -> offers.occupationTable().rows(),
        r -> {
          loading.set(false);
          rows.setAll(r);
        },
        t -> {
          loading.set(false);
          message.set(msg.describe(t));
        });
  }

  /** Flags or unflags the occupation as in tension for this office, then reloads. */
  public void setTension(OccupationRow row, boolean inTension, String note) {
    tasks.submit(
        msg.get("offers.task.tension"),
        p -> {
          offers.tension().set(row.romeCode(), inTension, note);
          return null;
        },
        r -> {
          message.set(
              msg.get(inTension ? "offers.occ.tensionOn" : "offers.occ.tensionOff", row.label()));
          refresh();
        },
        t -> message.set(msg.describe(t)));
  }

  /** Creates a sourcing list for the occupation (owner: the office's default counselor). */
  public void createList(OccupationRow row) {
    String name = msg.get("offers.occ.listName", row.label());
    tasks.submit(
        msg.get("offers.task.createList"),
        p -> {
          UUID owner = sourcing.defaultOwner().orElse(null);
          return sourcing.create(new NewList(name, null, row.romeCode(), owner, null));
        },
        id -> {
          message.set(msg.get("offers.occ.listCreated", name));
          refresh();
        },
        t -> message.set(msg.describe(t)));
  }

  public ObservableList<OccupationRow> rows() {
    return rows;
  }

  public BooleanProperty loading() {
    return loading;
  }

  public StringProperty message() {
    return message;
  }
}
