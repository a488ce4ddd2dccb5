package fr.passerelle.sourcing.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
 * "Retirer de la liste" takes a person off a sourcing list and offers "Annuler" in the view (#19);
 * "Annuler" puts them back at their stage, the same row (same id).
 */
@ExtendWith(FxTestExtension.class)
class ListsUndoFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  static UUID list;
  ListsView view;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures f = new OfferFixtures(services);
    UUID offer = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    list = services.sourcing().create(new NewList("Prépa Toulouse", offer, null, null, null));
    UUID a = f.person("Martin", "Léa").rome("N1103", 1).save();
    services.sourcing().add(list, List.of(a), null);
    UUID id = services.sourcing().entries(list).get(0).id();
    services.sourcing().move(id, PipelineStatus.values()[1], null);
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

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void removingFromAListOffersUndo(FxRobot robot) throws Exception {
    waitUntil(() -> view.lists.getItems().size() == 1);
    robot.interact(() -> view.lists.getSelectionModel().select(0));
    waitUntil(() -> view.entries.getItems().size() == 1);
    SourcingEntry before = view.entries.getItems().get(0);
    robot.interact(() -> view.entries.getSelectionModel().select(0));

    robot.clickOn("#removeEntry");
    waitUntil(() -> view.entries.getItems().isEmpty());
    assertThat(services.sourcing().entries(list)).isEmpty();
    Node notice = robot.lookup("#undoNotice").query();
    assertThat(notice.isVisible()).isTrue();
    assertThat(robot.lookup("#undoText").queryAs(Label.class).getText())
        .isEqualTo(before.displayName().trim() + " retiré(e) de la liste « Prépa Toulouse »");

    robot.clickOn("#undo");
    waitUntil(() -> view.entries.getItems().size() == 1);
    SourcingEntry back = view.entries.getItems().get(0);
    assertThat(back.id()).as("the same row back (#19)").isEqualTo(before.id());
    assertThat(back.candidateId()).isEqualTo(before.candidateId());
    assertThat(back.status()).isEqualTo(PipelineStatus.values()[1]);
    assertThat(back.history()).isEqualTo(before.history());
    assertThat(notice.isVisible()).isFalse();
    assertThat(view.vm.message().get())
        .isEqualTo(before.displayName().trim() + " est de nouveau dans la liste.");
  }
}
