package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.offers.OfferRow;
import fr.passerelle.offers.ui.OffersViewModel;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TwoWorkstations;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.training.ui.TrainingBoardViewModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offers list and the training board of workstation A follow what a colleague does on
 * workstation B (issue 15, ADR 0192, through ADR 0178's notices), A doing nothing. Office server
 * only (two service stacks on one schema); on H2 nothing is sent. Waits are bounded (20 s), the
 * speed is not asserted.
 */
class ListsFollowColleaguesTest {
  @TempDir Path dir;
  private TwoWorkstations desks;

  @BeforeEach
  void open() {
    assumeTrue(TestServer.configured(), "office server only");
    desks = new TwoWorkstations(dir.resolve("office"));
  }

  @AfterEach
  void close() {
    if (desks != null) {
      desks.close();
    }
  }

  private UiContext deskA() {
    return new UiContext(desks.a(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
  }

  @Test
  void aColleaguesNewOfferAppearsInTheList() throws Exception {
    OffersViewModel vm =
        new OffersViewModel(
            desks.a().offersModule(),
            desks.a().sourcing(),
            new SameThreadTaskRunner(),
            new Messages(Messages.FRENCH));
    vm.refresh();
    assertThat(vm.rows()).isEmpty();
    vm.followChanges(desks.a().changes(), Runnable::run);

    desks.b().offersModule().offers().save(OfferFixtures.baker());
    TwoWorkstations.awaitNotice(() -> List.copyOf(vm.rows()).size() == 1);
    assertThat(List.copyOf(vm.rows())).extracting(OfferRow::offer).hasSize(1);
  }

  @Test
  void aColleaguesMoveAppearsOnTheBoard() throws Exception {
    var candidate = TrainingFixture.candidate(desks.a(), "Martin", "Léa");
    TrainingPath path =
        desks
            .a()
            .training()
            .create(TrainingFixture.draft(candidate, FundingScheme.AIF, 300), null, null, null);
    TrainingBoardViewModel vm = new TrainingBoardViewModel(deskA());
    vm.load();
    vm.followChanges(desks.a().changes(), Runnable::run);

    TrainingPath hers = desks.b().training().find(path.id()).orElseThrow();
    desks.b().training().move(hers.id(), hers.version(), TrainingStatus.DROPPED, null, false);
    TwoWorkstations.awaitNotice(() -> List.copyOf(vm.column(TrainingStatus.DROPPED)).size() == 1);
    assertThat(List.copyOf(vm.column(TrainingStatus.DROPPED))).hasSize(1);
    assertThat(List.copyOf(vm.column(TrainingStatus.IDEA))).isEmpty();
  }
}
