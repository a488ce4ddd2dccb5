package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

@ExtendWith(FxTestExtension.class)
class CandidatesViewTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  static CandidateDetail helene;
  CandidatesView view;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    helene =
        services
            .candidates()
            .save(
                new CandidateDetail(
                    null,
                    null,
                    "Lefèvre",
                    "Hélène",
                    LocalDate.of(1990, 3, 14),
                    null,
                    null,
                    null,
                    "31555",
                    null,
                    10,
                    true,
                    null,
                    CandidateStatus.ACTIVE,
                    null,
                    null,
                    List.of(new CandidateDetail.TargetOccupation("N1103", null, 3)),
                    List.of(),
                    null),
                null);
    services
        .candidates()
        .save(
            new CandidateDetail(
                null,
                null,
                "Martin",
                "Paul",
                LocalDate.of(1985, 1, 1),
                null,
                null,
                null,
                "31069",
                null,
                0,
                false,
                null,
                CandidateStatus.ACTIVE,
                null,
                null,
                List.of(),
                List.of(),
                null),
            null);
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

  private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void findsACandidateByAMisspeltAccentNameOpensEditsAndSaves(FxRobot robot) throws Exception {
    waitUntil(() -> view.search.isFocused());
    robot.write("lefevre hel");
    waitUntil(() -> view.table.getItems().size() == 1);
    assertThat(view.table.getItems().get(0).displayName()).isEqualTo("LEFÈVRE Hélène");

    robot.clickOn("LEFÈVRE Hélène");
    waitUntil(() -> view.detailVm.loaded().get() != null);
    assertThat(view.detail.lastName.getText()).isEqualTo("Lefèvre");
    assertThat(view.detail.save.isDisabled()).as("nothing to save yet").isTrue();

    // select the field's text with the keyboard: a double click is two clicks when the machine
    // is loaded (the second comes after the multi-click delay), and would append instead
    robot.clickOn(view.detail.firstName);
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("Hélèna");
    waitUntil(() -> view.detailVm.dirty().get());
    robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    waitUntil(() -> !view.detailVm.dirty().get());

    assertThat(services.candidates().find(helene.id()).orElseThrow().firstName())
        .isEqualTo("Hélèna");
    assertThat(services.candidateSearch().search(CandidateQuery.text("helena"), 0, 5)).hasSize(1);
    waitUntil(
        () ->
            !view.table.getItems().isEmpty()
                && view.table.getItems().get(0).firstName().equals("Hélèna"));

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    waitUntil(() -> view.detailVm.loaded().get() == null);
  }
}
