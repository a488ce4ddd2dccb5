package fr.passerelle.ui.shell;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Locks the window after a time without keyboard or mouse: every input event on the scene notes the
 * time; a timer checks it a few times per idle period and calls {@code onIdle} once.
 */
public final class IdleLock {
  private final Scene scene;
  private final Runnable onIdle;
  private final LongSupplier nanos;
  private final EventHandler<InputEvent> activity = e -> touch();
  private Timeline timer;
  private long idleNanos;
  private volatile long last;

  public IdleLock(Scene scene, Runnable onIdle) {
    this(scene, onIdle, System::nanoTime);
  }

  IdleLock(Scene scene, Runnable onIdle, LongSupplier nanos) {
    this.scene = scene;
    this.onIdle = onIdle;
    this.nanos = nanos;
  }

  /** Starts watching: {@code onIdle} runs after {@code idle} without input. */
  public void start(Duration idle) {
    stop();
    idleNanos = idle.toNanos();
    touch();
    scene.addEventFilter(InputEvent.ANY, activity);
    long tick = Math.max(100, Math.min(1000, idle.toMillis() / 4));
    timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(tick), e -> check()));
    timer.setCycleCount(Timeline.INDEFINITE);
    timer.play();
  }

  /** Stops watching (the window is locked, or nobody is signed in). */
  public void stop() {
    if (timer != null) {
      timer.stop();
      timer = null;
    }
    scene.removeEventFilter(InputEvent.ANY, activity);
  }

  /** True while watching. */
  public boolean running() {
    return timer != null;
  }

  private void touch() {
    last = nanos.getAsLong();
  }

  private void check() {
    if (timer != null && nanos.getAsLong() - last >= idleNanos) {
      stop();
      onIdle.run();
    }
  }
}
