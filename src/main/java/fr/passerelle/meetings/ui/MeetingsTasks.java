package fr.passerelle.meetings.ui;

import fr.passerelle.ui.Messages;
import fr.passerelle.ui.SaveRetry;
import fr.passerelle.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Meetings view's background work and its status line: each part of the view model runs its
 * service calls here, and a failure is said on the one message line.
 */
final class MeetingsTasks {
  final TaskRunner tasks;
  final Messages messages;

  /** The last outcome, in words, for the status line of the view. */
  final StringProperty message = new SimpleStringProperty("");

  MeetingsTasks(TaskRunner tasks, Messages messages) {
    this.tasks = tasks;
    this.messages = messages;
  }

  /** Runs {@code work} in the background titled by {@code titleKey}; a failure is said. */
  <T> void run(String titleKey, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
    run(titleKey, work, onSuccess, () -> {});
  }

  /** As {@link #run(String, TaskRunner.Work, Consumer)}, {@code failed} run after a failure. */
  <T> void run(String titleKey, TaskRunner.Work<T> work, Consumer<T> onSuccess, Runnable failed) {
    tasks.submit(
        messages.get(titleKey),
        work,
        onSuccess,
        e -> {
          message.set(messages.get("meetings.error", messages.describe(e)));
          failed.run();
        });
  }

  /**
   * As {@link #run}, a save: when it fails on the lost office server, {@code again} runs once the
   * server is back ({@link SaveRetry}) and the status line says so.
   */
  <T> void run(
      String titleKey,
      TaskRunner.Work<T> work,
      Consumer<T> onSuccess,
      SaveRetry retry,
      Runnable again) {
    tasks.submit(
        messages.get(titleKey),
        work,
        onSuccess,
        e ->
            message.set(
                retry.after(e, again)
                    ? SaveRetry.waitingText(messages)
                    : messages.get("meetings.error", messages.describe(e))));
  }
}
