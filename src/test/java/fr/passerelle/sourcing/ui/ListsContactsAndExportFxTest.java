package fr.passerelle.sourcing.ui;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.testsupport.OfferFixtures.TODAY;
import static fr.passerelle.testsupport.OfferFixtures.TOULOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.ScriptedDialogs;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
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
 * A sourcing list's table gives the phone and e-mail of the people a counselor calls, and exports
 * what it shows (#19 item 3): the date added and the score wait in the column menu at a laptop's
 * width; "Exporter…" writes the file chosen and says where.
 */
@ExtendWith(FxTestExtension.class)
class ListsContactsAndExportFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  static ScriptedDialogs dialogs = new ScriptedDialogs();
  ListsView view;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir.resolve("db"), new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures f = new OfferFixtures(services);
    UUID offer = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    UUID list = services.sourcing().create(new NewList("Prépa Toulouse", offer, null, null, null));
    UUID lea = f.person("Martin", "Léa").rome("N1103", 1).save();
    services
        .db()
        .dsl()
        .update(CANDIDATE)
        .set(CANDIDATE.PHONE, "06 12 34 56 78")
        .set(CANDIDATE.EMAIL, "lea.martin@exemple.fr")
        .where(CANDIDATE.ID.eq(lea))
        .execute();
    services.sourcing().add(list, List.of(lea), null);
    tasks = new FxTaskRunner();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    // the application's theme and its font: a phone cell's width is the one counselors see
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    view = new ListsView(new UiContext(services, tasks, new Messages(Messages.FRENCH), dialogs));
    // the width the shell leaves the view at 1366×768 (its rail takes 138 px)
    stage.setScene(new Scene(view, 1228, 768));
    stage.show();
    view.vm.refresh();
  }

  @Test
  void phoneAndEmailAreShownAndTheListIsExportedAsShown(FxRobot r) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.lists.getItems().size() == 1);
    r.interact(() -> view.lists.getSelectionModel().select(0));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.entries.getItems().size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    List<String> shown =
        view.entries.getColumns().stream()
            .filter(TableColumn::isVisible)
            .map(TableColumn::getText)
            .toList();
    assertThat(shown)
        .containsExactly("Nom", "Téléphone", "E-mail", "Commune", "Étape", "Publics prioritaires");
    assertThat(view.entries.getColumns().get(1).getCellData(0)).isEqualTo("06 12 34 56 78");
    assertThat(view.entries.getColumns().get(2).getCellData(0)).isEqualTo("lea.martin@exemple.fr");
    // the phone read whole at a laptop's width, never "06 12 34 …"
    javafx.scene.control.TableCell<?, ?> phone =
        r.lookup(".table-cell")
            .match((javafx.scene.control.TableCell<?, ?> c) -> "06 12 34 56 78".equals(c.getText()))
            .query();
    assertThat(((javafx.scene.text.Text) phone.lookup(".text")).getText())
        .isEqualTo("06 12 34 56 78");
    assertThat(phone.getTooltip().getText()).isEqualTo("06 12 34 56 78");

    Path file = dir.resolve("export.csv");
    dialogs.answer(file);
    r.clickOn("#exportList");
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> view.vm.message().get().contains("export"));
    assertThat(view.vm.message().get())
        .isEqualTo("Liste exportée : 1 personne(s) dans export.csv.");
    assertThat(dialogs.asked().get(0).text()).isEqualTo("liste Prépa Toulouse.csv");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains("MARTIN;Léa;06 12 34 56 78;lea.martin@exemple.fr;Toulouse;Proposé");
  }
}
