package fr.passerelle.ui;

import fr.passerelle.app.Services;

/** What every view and ViewModel is handed: the services, the task runner and the UI text. */
public record UiContext(Services services, TaskRunner tasks, Messages messages) {}
