package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view of the shell, in the application's theme, without a CSS warning (#19: ~130 "Could not
 * resolve '-color-fg-default'" and "String cannot be cast to Paint" at the first view with
 * ControlsFX validation — it put its decorations' pane in place of the scene's root — and Modena
 * colours that ControlsFX and CalendarFX look up and AtlantaFX does not define).
 */
@ExtendWith(FxTestExtension.class)
class CssLookupsFxTest {
  /** JavaFX's CSS logger, held: a logger nobody holds may be collected with its handler. */
  private static final Logger CSS = Logger.getLogger("javafx.css");

  private static final List<String> warnings = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(r.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @TempDir static Path dir;
  static Services s;
  ShellHarness h;
  Stage stage;

  @BeforeAll
  static void data() {
    s =
        TestServices.withOffice(
            dir.resolve("db"), "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL);
    new DemoService(s)
        .generate(new DemoService.Options(200, 42L, s.clock().today()), Progress.NONE);
    CSS.addHandler(CAPTURE);
  }

  @AfterAll
  static void close() {
    CSS.removeHandler(CAPTURE);
    s.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    warnings.clear();
    h = ShellHarness.showOnALaptop(stage, s);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close(stage);
  }

  @Test
  void noViewLogsAColourItCannotResolve(FxRobot r) throws Exception {
    for (int i = 0; i < h.features().size(); i++) {
      int index = i;
      r.interact(() -> h.vm().select(index));
      WaitForAsyncUtils.waitForFxEvents();
      WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(warnings).as("CSS warnings while showing every view").isEmpty();
  }
}
