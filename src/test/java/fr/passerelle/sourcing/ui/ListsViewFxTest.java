package fr.passerelle.sourcing.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.HistoryEvent;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.PipelineStatus;
import fr.passerelle.sourcing.SourcingEntry;
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
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
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

/**
 * Moves a candidate through the pipeline with the keyboard and the buttons.
 *
 * <p>It once failed here because a move replaced the list (its figures) in "my lists", which
 * cleared the list's selection and so its entries, and two reloads raced on the two workers.
 */
@ExtendWith(FxTestExtension.class)
class ListsViewFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  ListsView view;
  static UUID list;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures f = new OfferFixtures(services);
    UUID offer = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    list = services.sourcing().create(new NewList("Prépa Toulouse", offer, null, null, null));
    UUID a = f.person("Martin", "Léa").rome("N1103", 1).save();
    services.sourcing().add(list, List.of(a), null);
    tasks = new FxTaskRunner();
  }

  @Start
  void start(Stage stage) {
    view = new ListsView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    // the suite shares one headless stage (screen 1280×800): an earlier test may have moved it,
    // which puts the bottom of this scene off-screen, where clicks are lost
    stage.setX(0);
    stage.setY(0);
    view.vm.refresh();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  private SourcingEntry entry() {
    return services.sourcing().entries(list).get(0);
  }

  /** Waits for {@code condition}; on timeout, says what the view showed. */
  private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException timeout) {
      throw new AssertionError(
          what
              + " — list selected: "
              + view.lists.getSelectionModel().getSelectedItem()
              + ", entry selected: "
              + view.entries.getSelectionModel().getSelectedItem()
              + ", message: "
              + view.vm.message().get(),
          timeout);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private SourcingEntry selectedEntry() {
    return view.entries.getSelectionModel().getSelectedItem();
  }

  private boolean selectedIs(PipelineStatus s) {
    return selectedEntry() != null && selectedEntry().status() == s;
  }

  @Test
  void moveACandidateThroughThePipeline(FxRobot robot) throws Exception {
    // keys or buttons an earlier test class left pressed would turn clicks into Ctrl+clicks
    robot.release(new KeyCode[0]);
    robot.release(new javafx.scene.input.MouseButton[0]);
    waitUntil("the list is shown", () -> view.lists.getItems().size() == 1);
    waitUntil(
        "the list's card is laid out",
        () ->
            robot
                .from(view.lists)
                .lookup((ListCell<?> c) -> c.getItem() != null)
                .tryQuery()
                .isPresent());
    robot.clickOn(
        robot.from(view.lists).lookup((ListCell<?> c) -> c.getItem() != null).queryAs(Node.class));
    waitUntil("the list's entries are shown", () -> view.entries.getItems().size() == 1);
    waitUntil(
        "the entry's row is laid out",
        () ->
            robot
                .from(view.entries)
                .lookup((TableRow<?> r) -> r.getItem() != null)
                .tryQuery()
                .isPresent());
    robot.clickOn(
        robot
            .from(view.entries)
            .lookup((TableRow<?> r) -> r.getItem() != null)
            .queryAs(Node.class));
    waitUntil("the entry is selected", () -> selectedIs(PipelineStatus.PROPOSED));

    // the button: one step forward
    Button forward = robot.lookup("#forward").queryButton();
    waitUntil("the forward button is enabled", () -> !forward.isDisabled());
    robot.clickOn(forward);
    waitUntil("moved to Contacté", () -> entry().status() == PipelineStatus.CONTACTED);
    // the moved entry stays selected, in its list, with the list's figures updated
    waitUntil("Contacté shown and selected", () -> selectedIs(PipelineStatus.CONTACTED));
    assertThat(view.lists.getSelectionModel().getSelectedItem().pipeline())
        .containsEntry(PipelineStatus.CONTACTED, 1);

    // the keyboard: 4 = Entretien, then Ctrl+← = back one step
    robot.type(KeyCode.DIGIT4);
    waitUntil("moved to Entretien", () -> entry().status() == PipelineStatus.INTERVIEW);
    waitUntil("Entretien shown and selected", () -> selectedIs(PipelineStatus.INTERVIEW));
    robot.press(KeyCode.CONTROL).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.CONTROL);
    waitUntil("moved back to Intéressé", () -> entry().status() == PipelineStatus.INTERESTED);
    waitUntil("Intéressé shown and selected", () -> selectedIs(PipelineStatus.INTERESTED));

    // a status button jumps straight to it
    robot.clickOn("#move-HIRED");
    waitUntil("moved to Embauché", () -> entry().status() == PipelineStatus.HIRED);

    assertThat(entry().history())
        .extracting(HistoryEvent::status)
        .containsExactly(
            PipelineStatus.PROPOSED,
            PipelineStatus.CONTACTED,
            PipelineStatus.INTERVIEW,
            PipelineStatus.INTERESTED,
            PipelineStatus.HIRED);
    waitUntil("the history shows the five steps", () -> view.history.getItems().size() == 5);
    assertThat(view.history.getItems().get(0)).contains("Embauché");
    assertThat(view.lists.getSelectionModel().getSelectedItem().pipeline())
        .containsEntry(PipelineStatus.HIRED, 1);
  }
}
