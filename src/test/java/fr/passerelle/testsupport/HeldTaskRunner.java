package fr.passerelle.testsupport;

import fr.passerelle.core.Progress;
import fr.passerelle.ui.TaskRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Holds submitted work until the test releases it, to see what a view shows while its data is still
 * loading. {@link #release()} runs the held work and its callbacks on the calling thread (the FX
 * thread in TestFX tests), including work submitted by those callbacks.
 */
public final class HeldTaskRunner implements TaskRunner {
  private final Deque<Runnable> held = new ArrayDeque<>();

  @Override
  public <T> Handle submit(
      String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    Runnable r =
        () -> {
          T result;
          try {
            result = work.run(Progress.NONE);
          } catch (Throwable e) {
            onFailure.accept(e);
            return;
          }
          onSuccess.accept(result);
        };
    held.add(r);
    return () -> held.remove(r);
  }

  /** Runs everything held, in order. */
  public void release() {
    while (!held.isEmpty()) {
      held.poll().run();
    }
  }

  /** Runs the oldest task held (which may submit more). */
  public void runNext() {
    held.poll().run();
  }

  /** Runs everything held, the last submitted first (work that ends out of order). */
  public void releaseNewestFirst() {
    while (!held.isEmpty()) {
      held.pollLast().run();
    }
  }

  /** How many submitted tasks are waiting. */
  public int pending() {
    return held.size();
  }
}
