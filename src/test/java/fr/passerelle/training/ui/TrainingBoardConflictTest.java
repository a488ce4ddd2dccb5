package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TwoWorkstations;
import fr.passerelle.training.FundingScheme;
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
 * The training board when a colleague changed the path it shows (ADR 0181), without FX: the move is
 * refused with who and when and nothing is written; Annuler keeps the board as it is, Recharger
 * shows the path at the colleague's step.
 */
class TrainingBoardConflictTest {
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
    // meanwhile Hélène Dupont, on her workstation, records that Léa gave up
    TrainingPath hers = desks.b().training().find(path.id()).orElseThrow();
    desks.minuteLater();
    desks.b().training().move(hers.id(), hers.version(), TrainingStatus.DROPPED, null, false);
    desks.a();
    vm.moveSelected(+1);
  }

  @AfterEach
  void close() {
    desks.close();
  }

  @Test
  void theMoveIsRefusedWithWhoAndWhenAndNothingWritten() {
    assertThat(vm.conflict().get()).startsWith("Modifié par " + Colleague.ACTOR);
    assertThat(vm.error().get()).isEqualTo(vm.conflict().get());
    assertThat(desks.a().training().find(path.id()).orElseThrow().status())
        .isEqualTo(TrainingStatus.DROPPED);
    vm.keepEditing();
    assertThat(vm.conflict().get()).isNull();
    assertThat(vm.selected().get().status()).isEqualTo(TrainingStatus.IDEA);
  }

  @Test
  void rechargerShowsThePathAtTheColleaguesStep() {
    vm.reloadTheirs();
    assertThat(vm.conflict().get()).isNull();
    assertThat(vm.selected().get().status()).isEqualTo(TrainingStatus.DROPPED);
    assertThat(vm.column(TrainingStatus.DROPPED)).hasSize(1);
    assertThat(vm.column(TrainingStatus.IDEA)).isEmpty();
  }
}
