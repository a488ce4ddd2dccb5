package fr.passerelle.testsupport;

import fr.passerelle.core.Progress;
import fr.passerelle.ui.TaskRunner;
import java.util.function.Consumer;

/** Runs work immediately on the calling thread: for ViewModel unit tests without the FX thread. */
public final class SameThreadTaskRunner implements TaskRunner {
  @Override
  public <T> Handle submit(
      String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    T result;
    try {
      result = work.run(Progress.NONE);
    } catch (Throwable e) {
      onFailure.accept(e);
      return () -> {};
    }
    onSuccess.accept(result);
    return () -> {};
  }
}
