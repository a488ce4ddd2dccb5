package fr.passerelle.candidates.ui;

import fr.passerelle.rights.PersonRightsService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.nio.file.Path;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The person's rights from their file (administrators, or whoever holds PERSON_RIGHTS): export
 * everything about them into a folder, erase them everywhere; both in the background, the outcome
 * said in {@link #message}. The view asks for the folder and the confirmation first.
 */
public final class PersonRightsViewModel {
  private final PersonRightsService service;
  private final TaskRunner tasks;
  private final Messages msg;
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty message = new SimpleStringProperty("");

  public PersonRightsViewModel(PersonRightsService service, TaskRunner tasks, Messages msg) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
  }

  /** Writes the PDF and the JSON of everything about {@code person} into {@code folder}. */
  public void exportAll(UUID person, Path folder, Runnable done) {
    busy.set(true);
    message.set("");
    tasks.submit(
        msg.get("rights.task.export"),
        p -> service.export(person, folder),
        w -> {
          busy.set(false);
          message.set(
              msg.get(
                  w.file().sensitiveIncluded()
                      ? "rights.exported"
                      : "rights.exported.withoutHealth",
                  folder.toString()));
          done.run();
        },
        this::failed);
  }

  /** Erases {@code person} (the view has had it confirmed). */
  public void erase(UUID person, Runnable done) {
    erase(person, null, done);
  }

  /**
   * Erases {@code person} as their file was shown, at {@code shown}: refused (the message says who
   * changed it and when) when a colleague saved it since (ADR 0181).
   */
  public void erase(UUID person, fr.passerelle.db.RowVersion shown, Runnable done) {
    busy.set(true);
    message.set("");
    tasks.submit(
        msg.get("rights.task.erase"),
        p -> service.erase(person, shown),
        rows -> {
          busy.set(false);
          message.set(msg.get("rights.erased"));
          done.run();
        },
        this::failed);
  }

  private void failed(Throwable e) {
    busy.set(false);
    message.set(msg.get("rights.error", msg.describe(e)));
  }

  public BooleanProperty busy() {
    return busy;
  }

  public StringProperty message() {
    return message;
  }
}
