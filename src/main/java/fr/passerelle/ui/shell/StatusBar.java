package fr.passerelle.ui.shell;

import fr.passerelle.ui.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The bottom line: office, database folder, last sync, and the background task in progress (shown
 * once it has run for a moment, so that quick lookups do not flicker) with its cancel button.
 */
final class StatusBar {
  private final HBox root;
  private final HBox taskBox;
  private final Label taskTitle = new Label();
  private final ProgressBar progress = new ProgressBar();
  private final Button cancel = new Button();
  private final ObservableList<Task<?>> running;
  private final PauseTransition delay = new PauseTransition(Duration.millis(400));
  private Task<?> shown;

  /**
   * Follows {@code running} (the window's tasks, which outlive this shell) until {@code scope}
   * closes.
   */
  StatusBar(
      ShellViewModel vm,
      Messages m,
      ObservableList<Task<?>> running,
      fr.passerelle.ui.ShellScope scope) {
    this.running = running;
    Label office = part(MaterialDesignO.OFFICE_BUILDING_OUTLINE, "status-office");
    office.textProperty().bind(vm.officeProperty());
    Label database = part(MaterialDesignD.DATABASE_OUTLINE, "status-database");
    database
        .textProperty()
        .bind(Bindings.concat(m.get("status.database"), " ", vm.databaseProperty()));
    Tooltip dbTip = new Tooltip();
    dbTip.textProperty().bind(vm.databaseProperty());
    database.setTooltip(dbTip);
    Label sync = part(MaterialDesignS.SYNC, "status-sync");
    sync.textProperty().bind(Bindings.concat(m.get("status.lastSync"), " ", vm.lastSyncProperty()));
    Label error = new Label();
    error.setId("status-error");
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.errorProperty());

    taskTitle.setId("status-task");
    progress.setPrefWidth(160);
    cancel.setId("status-cancel");
    cancel.setGraphic(new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
    cancel.getStyleClass().addAll("flat", "small");
    cancel.setAccessibleText(m.get("status.cancelTask"));
    cancel.setTooltip(new Tooltip(m.get("status.cancelTask")));
    cancel.setOnAction(
        e -> {
          if (shown != null) {
            shown.cancel(false);
          }
        });
    taskBox = new HBox(8, taskTitle, progress, cancel);
    taskBox.setAlignment(Pos.CENTER_RIGHT);
    taskBox.setVisible(false);
    taskBox.setManaged(false);
    delay.setOnFinished(e -> showLatest());
    String statusTask = m.get("status.task");
    ListChangeListener<Task<?>> follow =
        c -> {
          onTasksChanged();
          // an import or an export just ended: "last sync" may have moved (one small query)
          while (c.next()) {
            for (Task<?> t : c.getRemoved()) {
              if (t.getState() == Worker.State.SUCCEEDED && !statusTask.equals(t.getTitle())) {
                // not while the task list is still telling its listeners of this change
                javafx.application.Platform.runLater(vm::refreshStatus);
                return;
              }
            }
          }
        };
    running.addListener(follow);
    scope.hold(() -> running.removeListener(follow));

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    root = new HBox(16, office, database, sync, error, spacer, taskBox);
    root.setAlignment(Pos.CENTER_LEFT);
    root.getStyleClass().add("status-bar");
    onTasksChanged();
  }

  HBox node() {
    return root;
  }

  private static Label part(org.kordamp.ikonli.Ikon icon, String id) {
    Label l = new Label();
    l.setId(id);
    l.setGraphic(new FontIcon(icon));
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private void onTasksChanged() {
    if (running.isEmpty()) {
      delay.stop();
      show(null);
    } else if (shown == null || !running.contains(shown)) {
      delay.playFromStart();
    }
  }

  private void showLatest() {
    show(running.isEmpty() ? null : running.get(running.size() - 1));
  }

  private void show(Task<?> task) {
    taskTitle.textProperty().unbind();
    progress.progressProperty().unbind();
    shown = task;
    taskBox.setVisible(task != null);
    taskBox.setManaged(task != null);
    if (task != null) {
      taskTitle
          .textProperty()
          .bind(
              Bindings.when(task.messageProperty().isEmpty())
                  .then(task.titleProperty())
                  .otherwise(Bindings.concat(task.titleProperty(), " — ", task.messageProperty())));
      progress.progressProperty().bind(task.progressProperty());
    }
  }
}
