package fr.passerelle.ui;

import fr.passerelle.core.Progress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;

/** Runs work on a small pool of daemon threads; results and progress arrive on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
  private final ExecutorService pool =
      // more workers than cores: a long computation (the dashboard at region scale) must not
      // leave a list or a meeting waiting behind it; the work is mostly H2 I/O and locks
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "passerelle-worker");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;
  private final ReadOnlyListWrapper<Task<?>> running =
      new ReadOnlyListWrapper<>(FXCollections.observableArrayList());

  /** Tasks in progress, for the status bar's progress and cancel button. */
  public ReadOnlyListProperty<Task<?>> running() {
    return running.getReadOnlyProperty();
  }

  @Override
  public <T> Handle submit(
      String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            updateTitle(title);
            Task<T> self = this;
            return work.run(
                new Progress() {
                  @Override
                  public void update(long done, long total, String message) {
                    updateProgress(done, total);
                    if (message != null) {
                      updateMessage(message);
                    }
                  }

                  @Override
                  public boolean isCancelled() {
                    return self.isCancelled();
                  }
                });
          }
        };
    // once the runner is closed (its window gone), late results are dropped: a task still
    // running then must not show a screen or a dialog over the next window of the stage
    task.setOnSucceeded(
        e -> {
          running.remove(task);
          if (!closed) {
            onSuccess.accept(task.getValue());
          }
        });
    task.setOnFailed(
        e -> {
          running.remove(task);
          if (!closed) {
            onFailure.accept(task.getException());
          }
        });
    task.setOnCancelled(e -> running.remove(task));
    running.add(task);
    try {
      pool.submit(task);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // the window is closing (the runner was closed): late work, e.g. a status refresh, is dropped
      running.remove(task);
      return () -> {};
    }
    return () -> task.cancel(false);
  }

  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
  }
}
