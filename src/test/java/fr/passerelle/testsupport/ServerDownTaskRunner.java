package fr.passerelle.testsupport;

import fr.passerelle.ui.ServerReturn;
import fr.passerelle.ui.TaskRunner;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jooq.exception.DataAccessException;

/**
 * Runs the work on the caller's thread, or fails it as PgJDBC reports a broken connection (SQL
 * state 08006, through jOOQ) while the office server is "down" — nothing global is stopped. Its
 * {@link #serverReturn()} asks this "server" when told to ({@link ServerReturn#checkNow}) and runs
 * what waited on the caller's thread.
 */
public final class ServerDownTaskRunner implements TaskRunner {
  private final SameThreadTaskRunner up = new SameThreadTaskRunner();
  private volatile boolean down;
  private final ServerReturn serverReturn =
      new ServerReturn(() -> !down, Runnable::run, 3_600_000L);

  /** The server goes down ({@code true}) or comes back. */
  public void down(boolean down) {
    this.down = down;
  }

  /** Waits for this "server"; never asks by itself (the test calls {@code checkNow}). */
  public ServerReturn serverReturn() {
    return serverReturn;
  }

  @Override
  public <T> Handle submit(
      String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    if (!down) {
      return up.submit(title, work, onSuccess, onFailure);
    }
    onFailure.accept(
        new DataAccessException(
            "SQL [select …]; An I/O error occurred while sending to the backend.",
            new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    return () -> {};
  }
}
