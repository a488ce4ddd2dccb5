package fr.passerelle.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardFixture;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.shell.ShellViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
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
 * The dashboard inside the real shell, at the smallest default window size (1280×800) and at the
 * window's minimum width: the period toolbar shows whole labels; a figure's "Voir la liste" opens
 * the view behind it.
 */
@ExtendWith(FxTestExtension.class)
class DashboardShellFxTest {
  static Services s;
  FxTaskRunner tasks;
  ShellViewModel shellVm;
  DashboardView dashboard;

  @BeforeAll
  static void data() throws Exception {
    Path dir = Files.createTempDirectory("dashboard-shell-fx");
    s = TestServices.open(dir);
    new DashboardFixture(s).build();
  }

  @Start
  void start(Stage stage) throws Exception {
    ShellHarness h = ShellHarness.show(stage, s, f -> f);
    tasks = h.tasks();
    dashboard = (DashboardView) h.features().get(0);
    shellVm = h.vm();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  /** The labels of the toolbar whose shown text differs from their text (ellipsis). */
  private static List<String> truncated(Parent toolbar) {
    List<String> cut = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    for (String style : new String[] {".label", ".button", ".list-cell"}) {
      nodes.addAll(toolbar.lookupAll(style)); // one selector per call (no groups in lookupAll)
    }
    assertThat(nodes).as("labels found in the toolbar").hasSizeGreaterThanOrEqualTo(6);
    for (Node n : nodes) {
      if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
        Text shown = (Text) l.lookup(".text");
        if (shown != null && !shown.getText().equals(l.getText())) {
          cut.add(l.getText() + " → " + shown.getText());
        }
      }
    }
    return cut;
  }

  @Test
  void toolbarLabelsAreWholeAndAFigureOpensItsList(FxRobot r) throws Exception {
    var vm = dashboard.viewModel();
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> vm.indicators().get() != null && vm.indicators().get().complete());
    WaitForAsyncUtils.waitForFxEvents();
    Parent toolbar = r.lookup("#dashboard-toolbar").queryAs(Parent.class);
    ComboBox<?> preset = r.lookup("#dashboard-preset").queryAs(ComboBox.class);
    assertThat(preset.lookupAll(".list-cell"))
        .anySatisfy(n -> assertThat(((Text) n.lookup(".text")).getText()).isEqualTo("Ce mois-ci"));
    assertThat(toolbar.lookupAll(".button")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(truncated(toolbar)).isEmpty();
    // the window at its minimum width: the toolbar wraps instead of cutting labels
    r.interact(() -> toolbar.getScene().getWindow().setWidth(920));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(toolbar.getScene().getWidth()).isLessThan(1000);
    assertThat(truncated(toolbar)).isEmpty();
    r.interact(() -> toolbar.getScene().getWindow().setWidth(1280));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(shellVm.selectedId()).isEqualTo("dashboard");
    // the link may be below the fold when the suite's shared stage is small: fire it as a click
    // does
    r.interact(() -> r.lookup("#fig-started-link").queryAs(Hyperlink.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shellVm.selectedId()).isEqualTo("training");
    assertThat(r.lookup("#view-training").tryQuery()).isPresent();
    assertThat(r.lookup("#view-dashboard").tryQuery()).isEmpty();
    assertThat(r.lookup("#training-view").tryQuery()).isPresent();
  }
}
