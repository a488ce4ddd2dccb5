package fr.passerelle.sourcing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Lists view shows a person's priority criteria, never RQTH (it once did, as a chip). */
@ExtendWith(FxTestExtension.class)
class ListsMaskingFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  ListsView view;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    OfferFixtures f = new OfferFixtures(services);
    UUID helene = f.person("Lefèvre", "Hélène").rome("N1103", 3).criteria("RQTH", "DELD").save();
    UUID list = services.sourcing().create(new NewList("Prépa Albi", null, "N1103", null, null));
    services.sourcing().add(list, List.of(helene), null);
    TestServices.as(services, "cmartin", Roles.COUNSELOR);
    tasks = new FxTaskRunner();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    view = new ListsView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    stage.setX(0);
    stage.setY(0);
    view.vm.refresh();
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theListsViewShowsTheCriteriaButNotRqth(FxRobot robot) throws Exception {
    waitUntil(
        () ->
            robot.from(view).lookup((ListCell<?> c) -> c.getItem() != null).tryQuery().isPresent());
    robot.clickOn(
        robot.from(view).lookup((ListCell<?> c) -> c.getItem() != null).queryAs(Node.class));
    waitUntil(
        () ->
            robot.from(view).lookup(".chip").queryAll().stream()
                .anyMatch(n -> "DELD".equals(((Label) n).getText())));
    assertThat(robot.from(view).lookup(".chip").queryAll())
        .extracting(n -> ((Label) n).getText())
        .contains("DELD")
        .noneMatch(t -> t.contains("RQTH"));
  }
}
