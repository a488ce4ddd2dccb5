package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.ForwardingFeature;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Navigation;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shell builds the other views ahead after its first frame (issue 20, ADR 0200): each once,
 * styled and laid out, without reading anything (no {@code onShow}); a click later shows the view
 * built ahead instead of building another.
 */
@ExtendWith(FxTestExtension.class)
class ShellWarmUpFxTest {
  static Services s;
  final Map<String, Integer> builds = new ConcurrentHashMap<>();
  final Map<String, Integer> shows = new ConcurrentHashMap<>();
  FxTaskRunner tasks;
  ShellView shell;
  Scene scene;
  List<FeatureView> features;

  @BeforeAll
  static void data() throws Exception {
    s = TestServices.open(Files.createTempDirectory("shell-warm-up"));
  }

  @AfterAll
  static void close() {
    s.close();
  }

  final class Counting extends ForwardingFeature {
    Counting(FeatureView f) {
      super(f);
    }

    @Override
    public Node build() {
      builds.merge(id(), 1, Integer::sum);
      return f.build();
    }

    @Override
    public void onShow() {
      shows.merge(id(), 1, Integer::sum);
      f.onShow();
    }
  }

  @Start
  void start(Stage stage) {
    ShellHarness h = ShellHarness.show(stage, s, Counting::new);
    tasks = h.tasks();
    shell = h.shell();
    scene = h.scene();
    features = h.features();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @Test
  void everyViewIsBuiltAheadOnceAndShownOnlyWhenAskedFor(FxRobot r) throws Exception {
    String first = features.get(0).id();
    assertThat(builds).containsOnlyKeys(first);
    r.interact(() -> shell.warmUp(Duration.millis(10)));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> builds.size() == features.size());
    WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // no second round
    assertThat(builds.values()).as("each view built once").containsOnly(1);
    assertThat(shows).as("only the view shown was asked to read").containsOnlyKeys(first);

    String other = features.get(features.size() - 1).id();
    r.interact(() -> shell.open(new Navigation.Show(other)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(builds.get(other)).as("the view built ahead is the one shown").isEqualTo(1);
    assertThat(shows).containsKey(other);
    Node view = r.lookup("#view-" + other).query();
    assertThat(view.getScene())
        .as("in the window, not the scene it was prepared in")
        .isSameAs(scene);
  }
}
