package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A placeholder on an empty table shows its empty state, loaded in the background. */
@ExtendWith(FxTestExtension.class)
class PlaceholderViewTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;

  @BeforeAll
  static void open() {
    services = TestServices.open(dir); // migrating takes a while: not on the FX thread
    tasks = new FxTaskRunner();
  }

  @Start
  void start(Stage stage) {
    FeatureView meetings =
        Placeholders.meetings(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((javafx.scene.Parent) meetings.build(), 900, 500));
    stage.show();
    meetings.onShow();
  }

  @AfterAll
  static void close() {
    if (tasks != null) {
      tasks.close();
    }
    if (services != null) {
      services.close();
    }
  }

  @Test
  void emptyStateSaysWhatTheViewIsFor(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () ->
            robot.lookup(".text-muted").queryAll().stream()
                .anyMatch(n -> "Aucune ligne".equals(((Labeled) n).getText())));
    assertThat(robot.lookup("#meetings-empty").queryAs(Labeled.class).getText())
        .startsWith("Aucune réunion prévue — ");
    assertThat(robot.lookup("Réunions").tryQuery()).isPresent();
  }
}
