package fr.passerelle.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardFixture;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.HeldTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The dashboard's first figures (ADR 0209): those that need the whole candidate pool say they are
 * being computed — never a zero or a dash that could be read as a figure — until they come.
 */
@ExtendWith(FxTestExtension.class)
class DashboardComputingFxTest {
  static Services s;
  final HeldTaskRunner tasks = new HeldTaskRunner();
  DashboardView view;

  @BeforeAll
  static void data() throws Exception {
    Path dir = Files.createTempDirectory("dashboard-computing");
    s = TestServices.open(dir);
    new DashboardFixture(s).build();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Start
  void start(Stage stage) {
    view = new DashboardView(new UiContext(s, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((javafx.scene.Parent) view.build(), 1260, 780));
    stage.show();
    view.onShow();
  }

  private String text(FxRobot r, String id) {
    return r.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void theFiguresOfThePoolSayTheyAreBeingComputedUntilTheyCome(FxRobot r) {
    r.interact(tasks::runNext); // the offices of the filter
    r.interact(tasks::runNext); // the first figures

    assertThat(text(r, "#fig-offers-ft")).matches("[0-9  ]+");
    assertThat(text(r, "#fig-offers-hard")).isEqualTo("…");
    assertThat(text(r, "#fig-offers-hard-trend")).isEqualTo("calcul en cours…");
    assertThat(text(r, "#fig-lists")).isEqualTo("…");
    assertThat(text(r, "#fig-lists-priority")).isEqualTo("…");
    assertThat(text(r, "#fig-pool")).isEqualTo("…");
    BarChart<?, ?> offers = r.lookup("#dashboard-offers").lookup(".chart").queryAs(BarChart.class);
    assertThat(offers.getData()).hasSize(2); // no hard-to-fill line drawn at zero
    assertThat(view.viewModel().loading().get()).isTrue();

    r.interact(tasks::runNext); // every figure

    assertThat(text(r, "#fig-offers-hard")).matches("[0-9  ]+");
    assertThat(text(r, "#fig-pool")).matches("[0-9  ]+");
    assertThat(text(r, "#fig-lists-priority")).matches("[0-9,]+ %|—");
    assertThat(offers.getData()).hasSize(3);
    assertThat(view.viewModel().loading().get()).isFalse();
    assertThat(tasks.pending()).isZero();
  }
}
