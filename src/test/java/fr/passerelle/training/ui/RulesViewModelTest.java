package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.ScriptedDialogs;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingRule;
import fr.passerelle.ui.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The funding rules' screen without a window: export, a bad import said in words, the reset. */
class RulesViewModelTest {
  @TempDir Path dir;

  @Test
  void exportsImportsAndResetsOnlyWhenConfirmed() throws Exception {
    try (Services s =
        TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL)) {
      ScriptedDialogs dialogs = new ScriptedDialogs();
      Messages msg = new Messages(Messages.FRENCH);
      RulesViewModel vm =
          new RulesViewModel(s.training().rules(), new SameThreadTaskRunner(), msg, dialogs);
      vm.load();
      List<FundingRule> shipped = List.copyOf(vm.rules());
      assertThat(shipped).isNotEmpty();

      // exported where the counselor chose
      Path csv = dir.resolve("regles.csv");
      dialogs.answer(csv);
      vm.exportCsv();
      assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains(shipped.get(0).label());
      assertThat(vm.status().get()).isEqualTo(msg.get("training.rules.exported", "regles.csv"));

      // a file that is not a rules file: refused in words, the rules as they were
      Path bad = Files.writeString(dir.resolve("pas-des-regles.csv"), "nom;prénom\nMartin;Léa\n");
      dialogs.answer(bad);
      vm.importCsv();
      assertThat(vm.status().get()).isNotBlank().doesNotContain("Exception");
      assertThat(vm.rules()).containsExactlyElementsOf(shipped);

      // the edited file back: the whole set replaced
      dialogs.answer(csv);
      vm.importCsv();
      assertThat(vm.status().get()).isEqualTo(msg.get("training.rules.imported", shipped.size()));

      // the reset asks first; the safe answer does nothing
      dialogs.answer(false);
      vm.resetToShipped();
      assertThat(dialogs.kinds()).endsWith("confirmDestructive");
      assertThat(vm.status().get()).isEqualTo(msg.get("training.rules.imported", shipped.size()));
      assertThat(dialogs.allAnswered()).isTrue();
    }
  }
}
