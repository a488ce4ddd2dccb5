package fr.passerelle.candidates.ui;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ScrollIntoView;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
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
 * RQTH stays masked in the candidate's file until an allowed account shows it (audited); the Lists
 * view: {@code sourcing.ui.ListsMaskingFxTest}.
 */
@ExtendWith(FxTestExtension.class)
class SensitiveMaskingFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  static UUID helene;
  Stage stage;
  CandidatesView view;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
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
                    List.of(
                        new CandidateDetail.Criterion(PriorityCriterion.RQTH, null, true, null),
                        new CandidateDetail.Criterion(PriorityCriterion.DELD, null, false, null)),
                    null),
                null)
            .id();
    UUID list = services.sourcing().create(new NewList("Prépa Albi", null, "N1103", null, null));
    services.sourcing().add(list, List.of(helene), null);
    tasks = new FxTaskRunner();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private void show(Parent view) throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setScene(new Scene(view, 1200, 760));
              stage.show();
              stage.setX(0);
              stage.setY(0);
            })
        .get();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The criterion's box in the file (the search filters have boxes of the same names). */
  private CheckBox criterion(FxRobot robot, String text) {
    return robot
        .from(view.detail)
        .lookup((CheckBox c) -> text.equals(c.getText()))
        .tryQueryAs(CheckBox.class)
        .orElse(new CheckBox()); // not laid out yet
  }

  private static boolean shown(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private CandidatesView openHelene(FxRobot robot) throws Exception {
    view =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new CandidatesView(
                        new UiContext(services, tasks, new Messages(Messages.FRENCH))))
            .get();
    show(view);
    WaitForAsyncUtils.asyncFx(view::onShow).get();
    waitUntil(() -> view.search.isFocused());
    robot.write("lefevre hel");
    waitUntil(() -> view.table.getItems().size() == 1);
    robot.clickOn("LEFÈVRE Hélène");
    waitUntil(() -> criterion(robot, "Demandeur d'emploi de longue durée (DELD)").isSelected());
    return view;
  }

  @Test
  void aCounselorSeesRqthOnlyAfterShowingItWhichIsAudited(FxRobot robot) throws Exception {
    TestServices.as(services, "cmartin", Roles.COUNSELOR);
    openHelene(robot);
    CheckBox rqth = criterion(robot, "RQTH (travailleur handicapé)");
    assertThat(shown(rqth)).as("RQTH masked").isFalse();
    assertThat(rqth.isSelected()).as("not even loaded").isFalse();
    assertThat(
            robot
                .lookup((Label l) -> "Donnée de santé masquée (RQTH, AAH)".equals(l.getText()))
                .queryAll()
                .stream()
                .anyMatch(SensitiveMaskingFxTest::shown))
        .isTrue();
    long before = shownEntries();
    // the criteria are below the fold of a 760-pixel window: scrolled to, as a counselor would
    WaitForAsyncUtils.asyncFx(() -> ScrollIntoView.of(view.detail.reveal)).get();
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#candidate-reveal");
    waitUntil(() -> shown(rqth) && rqth.isSelected());
    assertThat(shownEntries()).isEqualTo(before + 1);
  }

  @Test
  void aReadOnlyAccountCannotShowIt(FxRobot robot) throws Exception {
    TestServices.as(services, "lecture", Roles.READ_ONLY);
    openHelene(robot);
    assertThat(robot.lookup("#candidate-reveal").query().isDisabled()).isTrue();
    CheckBox rqth = criterion(robot, "RQTH (travailleur handicapé)");
    assertThat(shown(rqth)).isFalse();
    assertThat(rqth.isSelected()).isFalse();
  }

  private static long shownEntries() {
    return services
        .db()
        .dsl()
        .fetchCount(
            AUDIT_ENTRY,
            AUDIT_ENTRY.ACTION.eq("SENSITIVE_SHOWN").and(AUDIT_ENTRY.PERSON_ID.eq(helene)));
  }
}
