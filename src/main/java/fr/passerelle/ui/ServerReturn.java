package fr.passerelle.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for the office server to answer again after a lost connection, then runs what waited for it
 * on the FX thread (ADR 0211): a form whose save failed on the lost connection saves again by
 * itself ({@link SaveRetry}). One background thread asks the server every few seconds, started only
 * while something waits and stopped when nothing does; closed with the shell.
 */
public final class ServerReturn implements AutoCloseable {
  /** How often the server is asked while something waits for it. */
  public static final long PERIOD_MILLIS = 3_000L;

  /** Something waiting for the server; cancelled when its form moves on. */
  public interface Waiting {
    void cancel();
  }

  private final BooleanSupplier answers;
  private final Executor onFx;
  private final long periodMillis;
  private final List<Runnable> waiting = new ArrayList<>(); // guarded by this
  private ScheduledExecutorService timer; // guarded by this; null while nothing waits
  private boolean closed; // guarded by this

  /**
   * {@code answers} says whether the server answers now (it may take a few seconds: it runs on the
   * background thread); what waited runs through {@code onFx}.
   */
  public ServerReturn(BooleanSupplier answers, Executor onFx, long periodMillis) {
    this.answers = answers;
    this.onFx = onFx;
    this.periodMillis = periodMillis;
  }

  /**
   * The one of a view: asks {@code ctx}'s database, runs on the FX thread, closed with the shell.
   */
  public static ServerReturn of(UiContext ctx) {
    ServerReturn r =
        new ServerReturn(
            ctx.services().db()::answers, javafx.application.Platform::runLater, PERIOD_MILLIS);
    ctx.scope().hold(r);
    return r;
  }

  /** Runs {@code again} on the FX thread once the server answers; until then it waits. */
  public synchronized Waiting whenBack(Runnable again) {
    if (closed) {
      return () -> {};
    }
    Runnable entry = again::run; // its own identity: the same action may wait twice
    waiting.add(entry);
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "passerelle-server-return");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleWithFixedDelay(
          this::checkNow, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
    return () -> drop(entry);
  }

  /** True while something waits for the server. */
  public synchronized boolean anyWaiting() {
    return !waiting.isEmpty();
  }

  /**
   * Asks the server now (on the caller's thread; the timer does it every {@link #PERIOD_MILLIS}):
   * when it answers, everything that waited runs.
   */
  public void checkNow() {
    synchronized (this) {
      if (waiting.isEmpty()) {
        stopTimer();
        return;
      }
    }
    if (!answers.getAsBoolean()) {
      return;
    }
    List<Runnable> due;
    synchronized (this) {
      due = List.copyOf(waiting);
      waiting.clear();
      stopTimer();
    }
    for (Runnable r : due) {
      onFx.execute(r);
    }
  }

  private synchronized void drop(Runnable entry) {
    waiting.remove(entry);
    if (waiting.isEmpty()) {
      stopTimer();
    }
  }

  private void stopTimer() {
    if (timer != null) {
      timer.shutdown();
      timer = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    waiting.clear();
    stopTimer();
  }
}
