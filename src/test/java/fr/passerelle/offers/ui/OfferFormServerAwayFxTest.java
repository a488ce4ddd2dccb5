package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.testsupport.CutTexts;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.ServerDownTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The offer form while its save waits for the office server (ADR 0211), at the width the offers
 * view gives it at 1366×768: the message is said whole, on several lines, and the Save button keeps
 * its text (it was cut to "…" by the message, seen under Xvfb on 7 December 2026).
 */
@ExtendWith(FxTestExtension.class)
class OfferFormServerAwayFxTest {
  @TempDir static Path dir;
  static Services services;
  static final ServerDownTaskRunner tasks = new ServerDownTaskRunner();
  static final Messages msg = new Messages(Messages.FRENCH);
  OfferFormViewModel vm;
  OfferFormPane pane;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir);
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    vm = new OfferFormViewModel(services.offersModule().offers(), tasks, msg, tasks.serverReturn());
    pane =
        new OfferFormPane(
            vm, msg, () -> services.occupations(), services.offersModule()::geo, saved -> {});
    stage.setScene(new Scene(pane, 510, 700)); // the form's share of the view at 1366×768
    stage.show();
  }

  @Test
  void theWaitingMessageIsSaidWholeAndSaveKeepsItsText(FxRobot robot) {
    Offer baker = services.offersModule().offers().save(OfferFixtures.baker());
    robot.interact(
        () -> {
          vm.edit(baker);
          vm.positions.set("3");
          tasks.down(true);
          vm.save(saved -> {});
        });
    WaitForAsyncUtils.waitForFxEvents();
    Label status = robot.lookup("#offerFormStatus").queryAs(Label.class);
    assertThat(status.getText()).contains("dès son retour");
    assertThat(status.getHeight())
        .as("on several lines")
        .isGreaterThan(status.getFont().getSize() * 2);
    java.util.List<String> cut = new java.util.ArrayList<>();
    robot.interact(() -> cut.addAll(CutTexts.walk("offer form", pane)));
    assertThat(cut).as("texts cut in the form").isEmpty();
    tasks.down(false);
  }
}
