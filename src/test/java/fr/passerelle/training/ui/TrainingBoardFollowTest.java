package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TwoWorkstations;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.Outcome;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training board follows a colleague's move (issue 15, ADR 0192), without FX: when the office
 * server's notice is heard the columns are read again; the path open is shown at the colleague's
 * step when the counselor has nothing under way on it, and stays as read — the outcome being chosen
 * kept — when they do (their save then meets the conflict, ADR 0181).
 */
class TrainingBoardFollowTest {
  @TempDir Path dir;
  private TwoWorkstations desks;
  private TrainingBoardViewModel vm;
  private TrainingPath path;

  @BeforeEach
  void open() {
    desks = new TwoWorkstations(dir.resolve("office"));
    var candidate = TrainingFixture.candidate(desks.a(), "Martin", "Léa");
    path =
        desks
            .a()
            .training()
            .create(TrainingFixture.draft(candidate, FundingScheme.AIF, 300), null, null, null);
    vm =
        new TrainingBoardViewModel(
            new UiContext(desks.a(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH)));
    vm.load();
    vm.select(vm.column(TrainingStatus.IDEA).get(0));
  }

  @AfterEach
  void close() {
    desks.close();
  }

  /** Hélène Dupont, on her workstation, records that Léa gave up. */
  private void colleagueDrops() {
    TrainingPath hers = desks.b().training().find(path.id()).orElseThrow();
    desks.minuteLater();
    desks.b().training().move(hers.id(), hers.version(), TrainingStatus.DROPPED, null, false);
  }

  @Test
  void thePathOpenWithNothingUnderWayIsShownAtTheColleaguesStep() {
    colleagueDrops();
    vm.changeHeard();
    assertThat(vm.column(TrainingStatus.DROPPED)).hasSize(1);
    assertThat(vm.column(TrainingStatus.IDEA)).isEmpty();
    assertThat(vm.selected().get().status()).isEqualTo(TrainingStatus.DROPPED);
  }

  @Test
  void theOutcomeBeingChosenIsKeptAndTheColumnsFollow() {
    vm.outcomeChoice().set(Outcome.values()[0]);
    colleagueDrops();
    vm.changeHeard();
    assertThat(vm.column(TrainingStatus.DROPPED)).hasSize(1);
    assertThat(vm.selected().get().status())
        .as("the path open stays as read while an outcome is being chosen")
        .isEqualTo(TrainingStatus.IDEA);
    assertThat(vm.outcomeChoice().get()).isEqualTo(Outcome.values()[0]);
  }
}
