package fr.passerelle.ui.shell;

import atlantafx.base.theme.PrimerLight;
import fr.passerelle.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the shell on the data folder given at launch. With the system property
 * {@code passerelle.exitWhenShown=true} it prints the time from process start to the first shown
 * screen and quits (start-up benchmark).
 */
public final class PasserelleApp extends Application {
  private static Path launchDataDir;
  private static Path launchSyncFile;
  private AppController controller;

  /**
   * Opens the window on {@code dataDir} and returns when it is closed; {@code syncFile} (null:
   * none) is imported in the Synchro view.
   */
  public static void launch(Path dataDir, Path syncFile) {
    launchDataDir = dataDir;
    launchSyncFile = syncFile;
    Application.launch(PasserelleApp.class);
  }

  @Override
  public void start(Stage stage) {
    // French formats (dates in date pickers, numbers) whatever the OS locale:
    // docs/ui-guidelines.md, "Formats".
    java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.FRANCE);
    Path logFile = GuiLogging.configure(launchDataDir);
    Logger log = LoggerFactory.getLogger(PasserelleApp.class);
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> log.error("uncaught exception in {}", t.getName(), e));
    log.info("Passerelle starting on {}", launchDataDir);
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    controller =
        new AppController(stage, launchDataDir, logFile, SetupViewModel.DemoGenerator.DEFAULT);
    if (Boolean.getBoolean("passerelle.exitWhenShown")) {
      controller.onFirstShown(
          () -> {
            // the benchmark subtracts its own launch time from shown-at: the process's start
            // instant (shown-ms) can be off by hundreds of ms in a virtual machine
            System.out.println("shown-ms " + sinceProcessStart());
            System.out.println("shown-at " + System.currentTimeMillis());
            Platform.exit();
          });
    }
    controller.openSyncFile(launchSyncFile);
    stage.setOnHidden(e -> controller.close());
    controller.start();
  }

  static long sinceProcessStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(s -> Duration.between(s, Instant.now()).toMillis())
        .orElse(-1L);
  }

  @Override
  public void stop() {
    if (controller != null) {
      controller.close();
    }
  }
}
