package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.UnsavedQuestion;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The duplicate dialog's default button (Enter) is the safe one: never "Fusionner avec elle", which
 * merges two people's files (#19). Cancel saves nothing.
 */
@ExtendWith(FxTestExtension.class)
class DuplicatesDialogFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  CandidatesView view;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    services
        .candidates()
        .save(
            fr.passerelle.candidates.CandidateFixtures.person("Lefèvre", "Hélène", "31555"), null);
    tasks = new FxTaskRunner();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    view = new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    view.onShow();
  }

  @Test
  void theDuplicateQuestionDefaultsToCancelAndCancelSavesNothing(FxRobot r) throws Exception {
    r.interact(
        () -> {
          view.detailVm.newCandidate();
          view.detailVm.lastName().set("LEFEVRE");
          view.detailVm.firstName().set("Helene");
          view.detailVm.birthDate().set(LocalDate.of(1990, 3, 14));
          view.detailVm.communeCode().set("31555");
        });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.detail.save.isDisabled());
    Platform.runLater(view.detail.save::fire); // the question waits in a nested event loop
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> r.lookup("#duplicates-dialog").tryQuery().isPresent());
    DialogPane pane = r.lookup("#duplicates-dialog").queryAs(DialogPane.class);
    assertThat(UnsavedQuestion.defaultButtons(pane)).containsExactly("Annuler");
    Button merge = UnsavedQuestion.button(pane, "Fusionner avec elle");
    assertThat(merge.isDefaultButton()).isFalse();
    r.interact(() -> UnsavedQuestion.button(pane, "Annuler").fire());
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> r.lookup("#duplicates-dialog").tryQuery().isEmpty());
    assertThat(services.candidateSearch().search(CandidateQuery.text("lefevre"), 0, 10)).hasSize(1);
  }
}
