package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.testsupport.CutTexts;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The candidates' dialogs at 1366×768 (issue 19: "the import report dialog opens tiny"; dialogs
 * were not in the truncation walk): the import report and its corrections, the duplicate question,
 * the erase confirmation — nothing cut, no button out of reach, not larger than the screen, not
 * laid out smaller than their content.
 */
@ExtendWith(FxTestExtension.class)
class CandidateDialogsWalkFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  final Messages fr = new Messages(Messages.FRENCH);
  CandidatesView view;
  Stage stage;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    services
        .candidates()
        .save(
            CandidateFixtures.edited(
                CandidateFixtures.person("Lefèvre", "Hélène", "31555"), "helene@example.fr", null),
            null);
    tasks = new FxTaskRunner();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    view = new CandidatesView(new UiContext(services, tasks, fr));
    stage.setScene(new Scene(view, CutTexts.LAPTOP_WIDTH, CutTexts.LAPTOP_HEIGHT));
    stage.show();
    view.onShow();
  }

  @AfterEach
  void size() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setWidth(1280);
              stage.setHeight(800);
            })
        .get(60, TimeUnit.SECONDS);
  }

  private fr.passerelle.ui.DialogService dialogs() {
    return new fr.passerelle.ui.FxDialogService(fr, () -> stage.getScene().getWindow());
  }

  private ImportReport importLines(String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\r\n", lines), StandardCharsets.UTF_8);
    return services.candidates().transfer().importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE);
  }

  @Test
  void theImportReportAndItsCorrectionsAreWholeOnALaptop() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("nom;prénom;date de naissance;e-mail;commune;statut");
    for (int i = 0; i < 40; i++) {
      lines.add("Martin" + i + ";Paul;31/02/1990;pas-une-adresse;Saint-Denis;RETRAITE");
    }
    ImportReport refused = importLines("candidats-refuses.csv", lines.toArray(String[]::new));
    assertThat(refused.errors()).hasSizeGreaterThan(100);
    List<String> problems = new ArrayList<>();
    problems.addAll(
        CutTexts.walkDialog(
            "import report", () -> ImportReportDialog.askValidOnly(refused, fr, dialogs())));

    ImportReport corrected =
        importLines(
            "candidats-corriges.csv",
            "nom;prénom;date de naissance;téléphone;commune",
            "Durand;Léa;14/03/90;612345678;9261");
    assertThat(corrected.corrections()).isNotEmpty();
    problems.addAll(
        CutTexts.walkDialog(
            "import corrections",
            () -> ImportReportDialog.showCorrections(corrected, fr, dialogs())));
    assertThat(problems).isEmpty();
  }

  @Test
  void theDuplicateQuestionAndTheEraseConfirmationAreWholeOnALaptop(FxRobot robot)
      throws Exception {
    robot.interact(
        () -> {
          view.detailVm.newCandidate();
          view.detailVm.lastName().set("Lefèvre");
          view.detailVm.firstName().set("Hélène");
          view.detailVm.birthDate().set(LocalDate.of(1990, 3, 14));
          view.detailVm.email().set("helene@example.fr");
        });
    List<String> problems = new ArrayList<>();
    problems.addAll(CutTexts.walkDialog("duplicate question", () -> view.detail.save.fire()));
    problems.addAll(
        CutTexts.walkDialog(
            "erase confirmation",
            () -> view.flow.confirmErase("LEFÈVRE-DUPONT DE LA MOTTE Marie-Hélène")));
    assertThat(problems).isEmpty();
  }
}
