package fr.passerelle.ui;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lives as long as one shell: the subscriptions its views take on things that outlive it (the
 * installation's change notices). The application drops a shell when the user switches or the
 * language changes, and closes its scope then: the old views stop being told of changes (they would
 * read again, in the background, for a screen nobody sees) and can be collected.
 */
public final class ShellScope implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShellScope.class);

  private final List<AutoCloseable> held = new ArrayList<>();
  private boolean closed;

  /** Keeps {@code c} until {@link #close()}; closes it at once when the scope is already closed. */
  public synchronized void hold(AutoCloseable c) {
    if (closed) {
      closeQuietly(c);
    } else {
      held.add(c);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    held.forEach(ShellScope::closeQuietly);
    held.clear();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("A view's subscription did not close", e);
    }
  }
}
