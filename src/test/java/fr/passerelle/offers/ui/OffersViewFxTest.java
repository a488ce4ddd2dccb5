package fr.passerelle.offers.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Builds a sourcing list from an offer's matched candidates, as a counselor would. */
@ExtendWith(FxTestExtension.class)
class OffersViewFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  OffersView view;
  static UUID offer;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures f = new OfferFixtures(services);
    f.person("Martin", "Léa").rome("N1103", 6).criteria("RQTH").save();
    f.person("Durand", "Paul").rome("N1103", 2).save();
    f.person("Petit", "Inès").rome("N1105", 4).save();
    // open 130 days (more than twice the threshold: 2) and 2 candidates in reach (1): flagged
    offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY.minusDays(130));
    tasks = new FxTaskRunner();
  }

  @Start
  void start(Stage stage) {
    view =
        new OffersView(
            new UiContext(services, tasks, new Messages(Messages.FRENCH)), OccupationActions.NONE);
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    view.vm.refresh();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Test
  void buildAListFromAnOffersMatches(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.table.getItems().size() == 1);
    assertThat(view.table.getItems().get(0).hardToFill().effective()).isTrue();
    robot.clickOn(firstRow(robot, view.table));
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> view.matching.table.getItems().size() == 3);
    assertThat(view.matching.table.getItems().get(0).lastName()).isEqualTo("Martin");

    robot.clickOn(firstRow(robot, view.matching.table));
    robot.press(KeyCode.SHIFT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.SHIFT);
    assertThat(view.matching.table.getSelectionModel().getSelectedItems()).hasSize(2);
    robot.clickOn(view.matching.add);

    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> view.vm.addOutcome().get().startsWith("2 candidat"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.vm.lists().size() == 1);
    var list = services.sourcing().lists(null, false).get(0);
    assertThat(list.offerId()).isEqualTo(offer);
    assertThat(list.name()).isEqualTo("Préparateur de commandes — Toulouse");
    assertThat(services.sourcing().entries(list.id()))
        .extracting(SourcingEntry::lastName)
        .containsExactlyInAnyOrder("Martin", "Durand");
    assertThat(list.shares().listRqth()).isEqualTo(1);
  }

  /**
   * The first filled row of this table, once it is on screen: a lookup over every window could
   * return a row of another stage, or one the table is re-laying out.
   */
  private static javafx.scene.Node firstRow(FxRobot robot, javafx.scene.control.TableView<?> table)
      throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> filledRow(robot, table) != null);
    return filledRow(robot, table);
  }

  private static javafx.scene.Node filledRow(
      FxRobot robot, javafx.scene.control.TableView<?> table) {
    return robot
        .from(table)
        .lookup(".table-row-cell")
        .queryAllAs(javafx.scene.control.TableRow.class)
        .stream()
        .filter(r -> !r.isEmpty() && r.getIndex() == 0 && r.getScene() != null && r.isVisible())
        .findFirst()
        .orElse(null);
  }
}
