package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.TargetRow;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target occupations' table, read without a window. */
class TargetViewModelTest {
  @TempDir Path dir;

  @Test
  void readsThePathsByTargetOccupationAndSaysWhyWhenItCannot() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      java.util.UUID lea = TrainingFixture.candidate(s, "Martin", "Léa");
      s.training()
          .create(
              TrainingFixture.draft(lea, FundingScheme.POEC, 450),
              fr.passerelle.training.TrainingStatus.IDEA,
              "",
              s.offices().current().orElseThrow().id());
      UiContext ctx = new UiContext(s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));

      TargetViewModel vm = new TargetViewModel(s.trainingReads(), ctx.tasks(), ctx.messages());
      vm.load();
      assertThat(vm.failure().get()).isEmpty();
      assertThat(vm.rows()).extracting(TargetRow::romeCode).containsExactly("N1101");
      assertThat(vm.rows().stream().mapToInt(TargetRow::paths).sum()).isEqualTo(1);

      vm.onlyHardToFill().set(true);
      vm.load();
      assertThat(vm.rows()).allMatch(r -> r.hardToFill());

      s.close();
      vm.load();
      assertThat(vm.rows()).isEmpty();
      assertThat(vm.failure().get()).isNotEmpty();
    }
  }
}
