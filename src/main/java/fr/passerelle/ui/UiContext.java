package fr.passerelle.ui;

import fr.passerelle.app.Services;

/**
 * What every view and ViewModel is handed: the services, the task runner, the UI text and the
 * questions and messages put in front of the counselor ({@link DialogService}).
 */
public record UiContext(
    Services services, TaskRunner tasks, Messages messages, DialogService dialogs) {
  /** With the window's dialogs, owned by the window that has the focus (tests, tools). */
  public UiContext(Services services, TaskRunner tasks, Messages messages) {
    this(services, tasks, messages, new FxDialogService(messages, FxDialogService::activeWindow));
  }
}
