package fr.passerelle.bench;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: a bare JavaFX window (one label), measured exactly like
 * Passerelle's {@code -Dpasserelle.exitWhenShown=true}: time from process start to the first layout
 * pulse of the shown window, printed as "shown-ms N", then exit. Run from
 * src/test/bench/startup.sh.
 */
public final class BareWindow {
  private BareWindow() {}

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }

  /** The window. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      Scene scene = new Scene(new Label("Bare JavaFX window"), 1280, 800);
      Runnable[] once = new Runnable[1];
      once[0] =
          () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms =
                ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(s -> Duration.between(s, Instant.now()).toMillis())
                    .orElse(-1L);
            System.out.println("shown-ms " + ms);
            System.out.println("shown-at " + System.currentTimeMillis());
            Platform.exit();
          };
      scene.addPostLayoutPulseListener(once[0]);
      stage.setScene(scene);
      stage.show();
    }
  }
}
