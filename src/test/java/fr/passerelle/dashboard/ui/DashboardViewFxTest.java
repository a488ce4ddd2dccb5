package fr.passerelle.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardFixture;
import fr.passerelle.dashboard.Period.Preset;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(FxTestExtension.class)
class DashboardViewFxTest {
  static Services s;
  FxTaskRunner tasks;
  DashboardView view;

  /** The database is built before JavaFX starts (migrations take longer than TestFX's setup). */
  @org.junit.jupiter.api.BeforeAll
  static void data() throws Exception {
    Path dir = Files.createTempDirectory("dashboard-fx");
    s = TestServices.open(dir);
    new DashboardFixture(s).build();
  }

  @Start
  void start(Stage stage) throws Exception {
    tasks = new FxTaskRunner();
    view = new DashboardView(new UiContext(s, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((javafx.scene.Parent) view.build(), 1260, 780));
    stage.show();
    view.onShow();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    s.close();
  }

  private String text(FxRobot r, String id) {
    return r.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void openTheDashboardAndChangeThePeriod(FxRobot r) throws Exception {
    var vm = view.viewModel();
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> vm.indicators().get() != null && vm.indicators().get().complete());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.indicators().get().period().from())
        .isEqualTo(s.stats().today().withDayOfMonth(1));
    // custom period: January 2026, every office (figures computed by hand in StatsServiceTest)
    r.interact(
        () -> {
          r.lookup("#dashboard-from").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 1, 1));
          r.lookup("#dashboard-to").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 1, 31));
        });
    r.clickOn("#dashboard-apply");
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            vm.indicators().get().period().to().equals(LocalDate.of(2026, 1, 31))
                && vm.indicators().get().complete());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(r, "#fig-offers-ta")).isEqualTo("3");
    assertThat(text(r, "#fig-offers-ft")).isEqualTo("2");
    assertThat(text(r, "#fig-started")).isEqualTo("4");
    assertThat(text(r, "#fig-offers-ft-trend")).contains("+1");
    BarChart<?, ?> offers = r.lookup("#dashboard-offers").lookup(".chart").queryAs(BarChart.class);
    assertThat(offers.getData()).hasSize(3);
    // an end before the start: the reason, the figures stay
    r.interact(
        () ->
            r.lookup("#dashboard-to")
                .queryAs(DatePicker.class)
                .setValue(LocalDate.of(2025, 12, 1)));
    r.clickOn("#dashboard-apply");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(r, "#dashboard-error")).contains("la fin");
    assertThat(text(r, "#fig-offers-ta")).isEqualTo("3");
    // a preset from the list
    r.clickOn("#dashboard-preset").clickOn("12 derniers mois");
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            vm.preset().get() == Preset.LAST_12_MONTHS
                && vm.indicators()
                    .get()
                    .period()
                    .from()
                    .equals(s.stats().today().withDayOfMonth(1).minusMonths(11))
                && vm.indicators().get().complete());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(r, "#dashboard-error")).isNullOrEmpty();
  }
}
