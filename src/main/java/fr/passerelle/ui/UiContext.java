package fr.passerelle.ui;

import fr.passerelle.app.Services;
import fr.passerelle.db.ChangeNotices;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import javafx.application.Platform;

/**
 * What every view and ViewModel is handed: the services, the task runner, the UI text, the
 * questions and messages put in front of the counselor ({@link DialogService}) and the shell's
 * {@link ShellScope}, which holds what the views subscribe to until the shell is dropped.
 */
public record UiContext(
    Services services,
    TaskRunner tasks,
    Messages messages,
    DialogService dialogs,
    ShellScope scope) {
  /** With a scope of its own. */
  public UiContext(Services services, TaskRunner tasks, Messages messages, DialogService dialogs) {
    this(services, tasks, messages, dialogs, new ShellScope());
  }

  /** With the window's dialogs, owned by the window that has the focus (tests, tools). */
  public UiContext(Services services, TaskRunner tasks, Messages messages) {
    this(services, tasks, messages, new FxDialogService(messages, FxDialogService::activeWindow));
  }

  /** The installation's change notices, followed by {@code follower} until the shell is dropped. */
  public void followChanges(BiFunction<ChangeNotices, Executor, AutoCloseable> follower) {
    scope.hold(follower.apply(services.changes(), Platform::runLater));
  }
}
