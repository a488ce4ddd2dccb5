package fr.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.dashboard.ui.DashboardView;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard's office filter reaches across the organisation (issue #19: it listed only the
 * user's own agency): the offices that sync brought — a temp-work agency and a France Travail
 * agency that send their files here — are listed beside this one, and choosing one shows its
 * figures.
 */
@ExtendWith(FxTestExtension.class)
class PartnerOfficesOnTheDashboardFxTest {
  static Node toulouse;
  static Node interim;
  static Node montpellier;
  FxTaskRunner tasks;
  DashboardView view;

  @BeforeAll
  static void offices() throws Exception {
    Path root = Files.createTempDirectory("dashboard-offices");
    toulouse = Node.create(root, "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    interim = Node.create(root, "Sud Interim Albi", OfficeKind.TEMP_AGENCY, "Sud Intérim");
    montpellier =
        Node.create(root, "Agence Montpellier Pompignane", OfficeKind.FRANCE_TRAVAIL, null);
    Node.trustEachOther(toulouse, interim, montpellier);
    interim.sendTo(toulouse);
    montpellier.sendTo(toulouse);
  }

  @AfterAll
  static void close() throws Exception {
    for (Node n : List.of(toulouse, interim, montpellier)) {
      n.close();
    }
  }

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    view =
        new DashboardView(new UiContext(toulouse.services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((Parent) view.build(), 1366, 768));
    stage.show();
    view.onShow();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFilterListsEveryOfficeSyncBroughtAndChoosingOneScopesTheFigures(FxRobot r)
      throws Exception {
    ComboBox<Office> filter = r.lookup("#dashboard-office").queryAs(ComboBox.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> filter.getItems().size() == 4);
    WaitForAsyncUtils.waitForFxEvents();
    List<String> shown =
        filter.getItems().stream().map(o -> filter.getConverter().toString(o)).toList();
    assertThat(shown)
        .containsExactly(
            "Toutes les agences",
            "Agence Montpellier Pompignane",
            "Agence Toulouse Matabiau",
            "Sud Interim Albi");

    Office albi = filter.getItems().get(3);
    r.interact(() -> filter.getSelectionModel().select(albi));
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> {
          var shownNow = view.viewModel().indicators().get();
          return shownNow != null && shownNow.complete() && albi.id().equals(shownNow.officeId());
        });
    assertThat(view.viewModel().office().get()).isEqualTo(albi);
  }
}
