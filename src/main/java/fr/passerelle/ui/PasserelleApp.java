package fr.passerelle.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the shell on the data folder given at launch. */
public final class PasserelleApp extends Application {
  private static Path launchDataDir;

  /** Opens the window on {@code dataDir} and returns when it is closed. */
  public static void launch(Path dataDir) {
    launchDataDir = dataDir;
    Application.launch(PasserelleApp.class);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle("Passerelle");
    stage.setScene(new Scene(new Label("Passerelle — " + launchDataDir), 800, 600));
    stage.show();
  }
}
