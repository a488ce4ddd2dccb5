package fr.passerelle.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardFixture;
import fr.passerelle.dashboard.Period.Preset;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {
  @TempDir Path dir;

  @Test
  void periodsPresetsCustomDatesAndTheListHook() {
    try (Services s = TestServices.open(dir)) {
      DashboardFixture fx = new DashboardFixture(s).build();
      DashboardViewModel vm =
          new DashboardViewModel(
              new UiContext(s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH)));
      // default: this month
      LocalDate today = s.stats().today();
      assertThat(vm.from().get()).isEqualTo(today.withDayOfMonth(1));
      vm.start();
      assertThat(vm.indicators().get()).isNotNull();
      assertThat(vm.offices()).isEmpty(); // the fixture's offices are ids only, no office rows
      // custom: January 2026, all offices (hand-computed in StatsServiceTest)
      vm.chooseDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
      assertThat(vm.preset().get()).isEqualTo(Preset.CUSTOM);
      assertThat(vm.indicators().get().value("offers.tempAgency")).isEqualTo(3);
      assertThat(vm.indicators().get().value("training.started")).isEqualTo(4);
      // end before start: a message, the figures stay those of January
      vm.chooseDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));
      assertThat(vm.error().get()).contains("la fin").contains("2026-01-01");
      assertThat(vm.indicators().get().period().to()).isEqualTo(LocalDate.of(2026, 1, 31));
      vm.choosePreset(Preset.LAST_12_MONTHS);
      assertThat(vm.error().get()).isNull();
      assertThat(vm.from().get()).isEqualTo(today.withDayOfMonth(1).minusMonths(11));
      List<fr.passerelle.ui.Navigation> opened = new ArrayList<>();
      vm.setNavigator(opened::add);
      vm.openList(new fr.passerelle.ui.Navigation.HardToFillOffers());
      assertThat(opened).containsExactly(new fr.passerelle.ui.Navigation.HardToFillOffers());
      assertThat(fx.officeA).isNotNull();
    }
  }

  private final fr.passerelle.testsupport.HeldTaskRunner tasks =
      new fr.passerelle.testsupport.HeldTaskRunner();

  /** A view model on the fixture's data whose tasks wait in {@link #tasks}. */
  private DashboardViewModel heldOnFixture(Services s) {
    new DashboardFixture(s).build();
    return new DashboardViewModel(new UiContext(s, tasks, new Messages(Messages.FRENCH)));
  }

  @Test
  void aSupersededRefreshEndingLastDoesNotReplaceTheFiguresOfTheFilterShown() {
    try (Services s = TestServices.open(dir)) {
      DashboardViewModel vm = heldOnFixture(s);
      vm.chooseDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
      vm.chooseDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
      assertThat(tasks.pending()).isEqualTo(2);

      tasks.releaseNewestFirst(); // February ends first, then the January request

      assertThat(vm.indicators().get().period().from()).isEqualTo(LocalDate.of(2026, 2, 1));
      assertThat(vm.from().get()).isEqualTo(LocalDate.of(2026, 2, 1));
      assertThat(vm.loading().get()).isFalse();
    }
  }

  @Test
  void theFiguresThatNeedThePoolFollowTheOthersOnlyWhenThePoolIsNotReadYet() {
    try (Services s = TestServices.open(dir)) {
      DashboardViewModel vm = heldOnFixture(s);
      vm.chooseDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

      tasks.runNext(); // the first figures: the pool is not read yet

      assertThat(vm.indicators().get().complete()).isFalse();
      assertThat(vm.indicators().get().figures())
          .containsKeys("offers.franceTravail", "meetings.held", "training.started")
          .doesNotContainKeys("offers.hardToFill", "sourcing.candidates", "pool.candidates");
      assertThat(vm.indicators().get().priorityShareInPool()).isNull();
      assertThat(vm.loading().get()).isTrue();
      assertThat(tasks.pending()).isEqualTo(1);

      tasks.runNext(); // then every figure

      assertThat(vm.indicators().get().complete()).isTrue();
      assertThat(vm.loading().get()).isFalse();
      assertThat(tasks.pending()).isZero();

      vm.refresh(); // nothing changed: every figure at once, in one task

      tasks.runNext();
      assertThat(vm.indicators().get().complete()).isTrue();
      assertThat(vm.loading().get()).isFalse();
      assertThat(tasks.pending()).isZero();
    }
  }
}
