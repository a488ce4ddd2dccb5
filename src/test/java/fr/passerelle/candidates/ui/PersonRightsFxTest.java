package fr.passerelle.candidates.ui;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.Seed;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The person's rights on their file: the menu shows for an account holding PERSON_RIGHTS only; the
 * erasure asks a confirmation naming the person (Cancel by default) and erases in the background;
 * the export writes the PDF and the JSON.
 */
@ExtendWith(FxTestExtension.class)
class PersonRightsFxTest {
  @TempDir Path dir;
  Services services;
  FxTaskRunner tasks;
  UUID lea;
  CandidatesView view;

  @Start
  void start(Stage stage) {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    lea = new Seed(services).candidate("Garnier", "Léa");
    services.search().catchUp(fr.passerelle.core.Progress.NONE);
    tasks = new FxTaskRunner();
    view = new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    view.onShow();
  }

  @AfterEach
  void close() {
    tasks.close();
    services.close();
  }

  private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private boolean erased() {
    return services.db().dsl().fetchOne(CANDIDATE, CANDIDATE.ID.eq(lea)).getDeleted();
  }

  @Test
  void erasingAsksAConfirmationNamingThePerson(FxRobot robot) throws Exception {
    waitUntil(() -> view.search.isFocused());
    robot.write("garnier");
    waitUntil(() -> view.table.getItems().size() == 1);
    robot.clickOn("GARNIER Léa");
    waitUntil(() -> view.detailVm.loaded().get() != null);
    assertThat(view.detail.rights.isVisible()).isTrue();
    assertThat(view.detail.rights.isDisabled()).isFalse();

    robot.clickOn(view.detail.rights);
    robot.clickOn("Effacer cette personne…");
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(pane.getHeaderText()).isEqualTo("Effacer Léa Garnier ?");
    assertThat(pane.getContentText())
        .contains("Léa Garnier", "organisations partenaires", "définitif");
    assertThat(fr.passerelle.testsupport.UnsavedQuestion.defaultButtons(pane))
        .as("Cancel is the default")
        .containsExactly("Annuler");
    robot.clickOn(fr.passerelle.testsupport.UnsavedQuestion.button(pane, "Annuler"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(erased()).as("cancelled: nothing erased").isFalse();

    robot.clickOn(view.detail.rights);
    robot.clickOn("Effacer cette personne…");
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Effacer définitivement");
    waitUntil(this::erased);
    waitUntil(() -> view.detailVm.loaded().get() == null);
    assertThat(view.rightsVm.message().get()).startsWith("Personne effacée");
  }

  @Test
  void theMenuIsHiddenFromAnAccountWithoutTheRight(FxRobot robot) throws Exception {
    TestServices.as(services, "conseil", "COUNSELOR");
    robot.interact(
        () -> {
          Scene scene = view.getScene();
          view = new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
          scene.setRoot(view);
          view.onShow();
        });
    waitUntil(() -> view.search.isFocused());
    robot.write("garnier");
    waitUntil(() -> view.table.getItems().size() == 1);
    robot.clickOn("GARNIER Léa");
    waitUntil(() -> view.detailVm.loaded().get() != null);
    assertThat(view.detail.rights.isVisible()).isFalse();
  }

  @Test
  void theExportWritesThePdfAndTheJson() throws Exception {
    PersonRightsViewModel vm =
        new PersonRightsViewModel(
            services.personRights(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
    Path out = Files.createDirectories(dir.resolve("demande"));
    boolean[] done = {false};
    vm.exportAll(lea, out, () -> done[0] = true);
    assertThat(done[0]).isTrue();
    assertThat(out.resolve("personne-" + lea + ".pdf")).exists();
    assertThat(out.resolve("personne-" + lea + ".json")).exists();
    assertThat(vm.message().get()).isEqualTo("Données exportées (PDF et JSON) dans " + out + ".");
    TestServices.as(services, "lecteur", "READ_ONLY");
    vm.erase(lea, () -> done[0] = false);
    assertThat(done[0]).as("refused: not done").isTrue();
    assertThat(vm.message().get()).startsWith("Échec").contains("PERSON_RIGHTS");
    assertThat(erased()).isFalse();
  }
}
