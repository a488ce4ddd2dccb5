package fr.passerelle.testsupport;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * For the screenshot harnesses (not tests): steps run on the FX thread one after the other, a pause
 * before each so that the background work of the previous one has time to show.
 */
public final class TimedSteps {
  private final Duration pause;
  private final List<Runnable> steps = new ArrayList<>();

  public TimedSteps(Duration pause) {
    this.pause = pause;
  }

  /** Adds a step. */
  public void step(Runnable r) {
    steps.add(r);
  }

  /** Runs the steps (call on the FX thread; returns at once). */
  public void start() {
    if (steps.isEmpty()) {
      return;
    }
    PauseTransition p = new PauseTransition(pause);
    p.setOnFinished(
        e -> {
          steps.remove(0).run();
          start();
        });
    p.play();
  }

  /** The place of the feature {@code id} in the shell's navigation rail. */
  public static int index(ShellHarness h, String id) {
    for (int i = 0; i < h.features().size(); i++) {
      if (h.features().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException(id);
  }
}
