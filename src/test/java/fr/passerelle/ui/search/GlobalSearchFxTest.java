package fr.passerelle.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.db.WallClock;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.ui.MeetingsViewProbe;
import fr.passerelle.offers.Contract;
import fr.passerelle.offers.OfferDraft;
import fr.passerelle.offers.OfferSource;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.shell.AppController;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ctrl+K across the application (ADR 0100): a candidate (typed with a typo), an offer (by its
 * employer) and a meeting are found and each opens in its view; then the meeting's invite field
 * shows its suggestions where they can be seen, and Enter invites the one shown selected.
 */
@ExtendWith(FxTestExtension.class)
class GlobalSearchFxTest {
  @TempDir static Path dir;
  private AppController app;
  private UUID candidate;

  @Start
  void start(Stage stage) {
    try (Services s = TestServices.open(dir)) {
      s.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
      candidate =
          s.candidates()
              .save(
                  new CandidateDetail(
                      null,
                      null,
                      "Lefèvre",
                      "Hélène",
                      LocalDate.of(1991, 4, 2),
                      null,
                      null,
                      null,
                      "81004",
                      null,
                      10,
                      true,
                      null,
                      CandidateStatus.ACTIVE,
                      null,
                      null,
                      List.of(),
                      List.of(),
                      CandidateDetail.Consent.NONE),
                  null)
              .id();
      s.offersModule()
          .offers()
          .save(
              new OfferDraft(
                  null,
                  "Boulangerie Ruiz",
                  "Préparateur de commandes H/F",
                  "N1103",
                  "81004",
                  Contract.CDI,
                  2,
                  LocalDate.now().minusDays(3),
                  null,
                  OfferSource.FRANCE_TRAVAIL,
                  null));
      LocalDateTime at =
          LocalDateTime.now().plusDays(7).withHour(9).withMinute(30).withSecond(0).withNano(0);
      s.meetings()
          .create(
              new MeetingDraft(
                  s.offices().current().orElseThrow().id(),
                  null,
                  MeetingKind.JOB_DATING,
                  "Job dating logistique",
                  at,
                  at.plusHours(2),
                  "Agence Albi",
                  null,
                  null,
                  20,
                  "N1103",
                  null,
                  null,
                  List.of()));
    }
    stage.titleProperty().unbind(); // the stage is shared with the UI tests run before this one
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    app =
        new AppController(
            stage,
            dir,
            dir.resolve("logs/passerelle.log"),
            (services, progress) -> {
              throw new UnsupportedOperationException();
            },
            // the folder stays clear (encryption: ShellFlowTest, VaultTest)
            d -> Services.open(d, WallClock.system(), TestServices.FAST));
    app.onFatal(() -> {});
    app.start();
    // as tall as the common office laptop (1366×768; the headless screen is 1280 wide), whatever
    // size an earlier test left the shared stage at
    stage.setWidth(1280);
    stage.setHeight(768);
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> app.close()).get();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
  }

  private static boolean fieldShows(FxRobot robot, String text) {
    return robot
        .lookup((Node n) -> n instanceof TextField t && text.equals(t.getText()) && n.isVisible())
        .tryQuery()
        .isPresent();
  }

  @SuppressWarnings("unchecked")
  private static ListView<Object> results(FxRobot robot) {
    return robot.lookup("#global-search-results").queryAs(ListView.class);
  }

  private static void searchAndOpen(FxRobot robot, String typed, String title) throws Exception {
    robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
    robot.write(typed);
    waitUntil(
        () ->
            robot.lookup("#global-search-results").tryQuery().isPresent()
                && results(robot).getItems().stream()
                    .anyMatch(i -> i instanceof SearchResult h && h.title().equals(title)));
    int row = -1;
    List<Object> items = results(robot).getItems();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof SearchResult h && h.title().equals(title)) {
        row = i;
        break;
      }
    }
    // ↓ into the list, down to the hit, Enter
    robot.type(KeyCode.DOWN);
    int first = results(robot).getSelectionModel().getSelectedIndex();
    for (int i = first; i < row; i++) {
      robot.type(KeyCode.DOWN);
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(results(robot).getSelectionModel().getSelectedItem())
        .isInstanceOfSatisfying(SearchResult.class, h -> assertThat(h.title()).isEqualTo(title));
    robot.type(KeyCode.ENTER);
  }

  @Test
  void ctrlKFindsACandidateAnOfferAndAMeetingAndOpensEach(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#signin-login").tryQuery().isPresent());
    robot.clickOn("#signin-login").eraseText(40).write(TestServices.ADMIN);
    robot.clickOn("#signin-password").write(TestServices.PASSWORD).type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#nav-dashboard").tryQuery().isPresent());
    // the shell starts the index's build; typed text is then answered by it (typos included)
    waitUntil(
        () ->
            app.services().search().status().state()
                == fr.passerelle.search.IndexStatus.State.CURRENT);

    searchAndOpen(robot, "lefvre", "LEFÈVRE Hélène");
    waitUntil(() -> fieldShows(robot, "Lefèvre"));
    assertThat(
            robot
                .lookup("#nav-candidates")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected())
        .isTrue();

    searchAndOpen(robot, "ruiz", "Préparateur de commandes H/F");
    waitUntil(() -> fieldShows(robot, "Préparateur de commandes H/F"));
    assertThat(
            robot
                .lookup("#nav-offers")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected())
        .isTrue();

    searchAndOpen(robot, "job dating", "Job dating logistique");
    waitUntil(() -> fieldShows(robot, "Job dating logistique"));

    // the invite field of that meeting: visible suggestions, Enter invites the one selected
    robot.clickOn("#tabParticipants");
    robot.clickOn("#candidateSearch").write("lefevre");
    ListView<?> hits = robot.lookup("#candidateHits").queryAs(ListView.class);
    waitUntil(() -> !hits.getItems().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(hits.isVisible()).isTrue();
    assertThat(hits.getHeight()).as("suggestions tall enough to read").isGreaterThan(100);
    assertThat(hits.localToScene(hits.getBoundsInLocal()).getMaxY())
        .as("inside the window")
        .isLessThanOrEqualTo(hits.getScene().getHeight());
    robot.type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(hits.getSelectionModel().getSelectedIndex()).isZero();
    robot.type(KeyCode.ENTER);
    waitUntil(() -> MeetingsViewProbe.invited(robot).contains(candidate));
  }
}
