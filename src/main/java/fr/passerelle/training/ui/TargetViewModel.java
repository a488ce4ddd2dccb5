package fr.passerelle.training.ui;

import fr.passerelle.training.TargetRow;
import fr.passerelle.training.TrainingReads;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Reconversions by target occupation, hard-to-fill occupations first: the rows, "only the hard to
 * fill", and why the table is empty when it could not be read. Read off the FX thread.
 */
final class TargetViewModel {
  private final TrainingReads queries;
  private final TaskRunner tasks;
  private final Messages msg;
  private final ObservableList<TargetRow> rows = FXCollections.observableArrayList();
  private final BooleanProperty onlyHardToFill = new SimpleBooleanProperty(false);
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

  TargetViewModel(TrainingReads queries, TaskRunner tasks, Messages msg) {
    this.queries = queries;
    this.tasks = tasks;
    this.msg = msg;
  }

  ObservableList<TargetRow> rows() {
    return rows;
  }

  BooleanProperty onlyHardToFill() {
    return onlyHardToFill;
  }

  /** Why the rows could not be read (empty when they were). */
  ReadOnlyStringProperty failure() {
    return failure.getReadOnlyProperty();
  }

  /** Reads the rows again, with the filter as it is now. */
  void load() {
    boolean only = onlyHardToFill.get();
    tasks.submit(
        msg.get("training.loading"),
        p -> queries.byTarget(only),
        r -> {
          failure.set("");
          rows.setAll(r);
        },
        e -> {
          TaskRunner.logged("The target occupations' table").accept(e);
          rows.clear();
          failure.set(msg.describe(e));
        });
  }
}
