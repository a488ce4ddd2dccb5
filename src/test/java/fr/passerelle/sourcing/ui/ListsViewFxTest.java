package fr.passerelle.sourcing.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.HistoryEvent;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.PipelineStatus;
import fr.passerelle.sourcing.SourcingEntry;
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
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Moves a candidate through the pipeline with the keyboard and the buttons. */
@ExtendWith(ApplicationExtension.class)
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

  @Test
  void moveACandidateThroughThePipeline(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lists.getItems().size() == 1);
    robot.clickOn(robot.from(view.lists).lookup(".list-cell").nth(0).queryAs(Node.class));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.entries.getItems().size() == 1);
    robot.clickOn(robot.from(view.entries).lookup(".table-row-cell").nth(0).queryAs(Node.class));

    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.RIGHT)
        .release(KeyCode.RIGHT)
        .release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> entry().status() == PipelineStatus.CONTACTED);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            view.entries.getSelectionModel().getSelectedItem() != null
                && view.entries.getSelectionModel().getSelectedItem().status()
                    == PipelineStatus.CONTACTED);
    robot.type(KeyCode.DIGIT4);
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> entry().status() == PipelineStatus.INTERVIEW);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            view.entries.getSelectionModel().getSelectedItem() != null
                && view.entries.getSelectionModel().getSelectedItem().status()
                    == PipelineStatus.INTERVIEW);
    robot.clickOn("#move-HIRED");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> entry().status() == PipelineStatus.HIRED);

    assertThat(entry().history())
        .extracting(HistoryEvent::status)
        .containsExactly(
            PipelineStatus.PROPOSED,
            PipelineStatus.CONTACTED,
            PipelineStatus.INTERVIEW,
            PipelineStatus.HIRED);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.history.getItems().size() == 4);
    assertThat(view.history.getItems().get(0)).contains("Embauché");
  }
}
