package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.Shortcuts;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A view's shortcuts work only while it is shown: after every view has been shown once, a view
 * without shortcuts of its own has none on the window, and Ctrl+N pressed there does not open the
 * (hidden) Training view's path form, as it did when views put their shortcuts on the shared scene
 * and never took them off.
 */
@ExtendWith(FxTestExtension.class)
class ShortcutScopeFxTest {
  static Services s;
  FxTaskRunner tasks;
  ShellView shell;
  Scene scene;
  List<FeatureView> features;

  @BeforeAll
  static void data() throws Exception {
    s = TestServices.open(Files.createTempDirectory("shortcut-scope"));
  }

  @Start
  void start(Stage stage) {
    ShellHarness h = ShellHarness.show(stage, s, f -> f);
    tasks = h.tasks();
    shell = h.shell();
    scene = h.scene();
    features = h.features();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  private void show(FxRobot r, String id) {
    r.interact(() -> shell.open(new Navigation.Show(id)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean pathFormShown(FxRobot r) {
    return r.lookup("#path-form").tryQuery().map(Node::isVisible).orElse(false);
  }

  @Test
  void aHiddenViewsCtrlNDoesNotFire(FxRobot r) {
    for (FeatureView f : features) {
      show(r, f.id());
    }
    show(r, "training");
    assertThat(scene.getAccelerators()).containsKey(Shortcuts.shortcut(KeyCode.N));
    assertThat(pathFormShown(r)).isFalse();

    show(r, "lists"); // no shortcut of its own
    assertThat(scene.getAccelerators()).isEmpty();
    r.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    show(r, "training");
    assertThat(pathFormShown(r)).as("Training's Ctrl+N fired from Lists").isFalse();

    // shown again, its own shortcut works
    r.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pathFormShown(r)).isTrue();
  }
}
