package fr.passerelle.ui;

import fr.passerelle.core.Progress;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers its result on it. ViewModels call services only through
 * this; tests use a same-thread runner.
 */
public interface TaskRunner {
  /** Work that may report progress and check for cancellation. */
  @FunctionalInterface
  interface Work<T> {
    T run(Progress progress) throws Exception;
  }

  /** A submitted task, to cancel it. */
  interface Handle {
    void cancel();
  }

  /**
   * Submits {@code work}; {@code onSuccess} or {@code onFailure} runs on the FX thread (on the
   * caller's thread in tests). {@code title} names the work in the status bar.
   */
  <T> Handle submit(
      String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

  /**
   * The failure handler of background work whose failure the user need not act on (a suggestion
   * list, a warm-up): logged with its cause, never swallowed. {@code what} says what failed.
   */
  static Consumer<Throwable> logged(String what) {
    return e -> org.slf4j.LoggerFactory.getLogger(TaskRunner.class).warn("{} failed", what, e);
  }
}
