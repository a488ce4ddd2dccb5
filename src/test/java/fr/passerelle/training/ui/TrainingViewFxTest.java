package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.Outcome;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(FxTestExtension.class)
class TrainingViewFxTest {
  static Services s;
  FxTaskRunner tasks;
  TrainingView view;

  /** The database is built before JavaFX starts (migrations take longer than TestFX's setup). */
  @org.junit.jupiter.api.BeforeAll
  static void data() throws Exception {
    Path dir = Files.createTempDirectory("training-fx");
    s = TestServices.withOffice(dir, "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL);
    TrainingFixture.candidate(s, "Martin", "Léa");
  }

  @Start
  void start(Stage stage) throws Exception {
    tasks = new FxTaskRunner();
    view = new TrainingView(new UiContext(s, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((javafx.scene.Parent) view.build(), 1260, 780));
    stage.show();
    // the suite shares one headless stage (screen 1280×800): an earlier test may have moved it,
    // which puts the bottom of this scene off-screen, where clicks are lost
    stage.setX(0);
    stage.setY(0);
    view.onShow();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    s.close();
  }

  private static void waitFor(BooleanSupplier c) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private ListView<TrainingPath> column(FxRobot r, TrainingStatus st) {
    return r.lookup("#column-" + st.name()).queryListView();
  }

  @Test
  void createAPathMoveItThroughTheBoardAndRecordTheOutcome(FxRobot r) throws Exception {
    r.clickOn("#training-new");
    r.clickOn("#form-candidate-search").write("mart");
    ComboBox<?> cand = r.lookup("#form-candidate").queryComboBox();
    waitFor(() -> cand.getValue() != null);
    r.clickOn("#form-target-search").write("N1101").type(KeyCode.ENTER);
    waitFor(() -> !r.lookup("#form-target").queryAs(Label.class).getText().equals("—"));
    r.clickOn("#form-title").write("Cariste CACES R489");
    r.clickOn("#form-hours").write("450");
    r.interact(
        () -> {
          r.lookup("#form-scheme").<FundingScheme>queryComboBox().setValue(FundingScheme.POEC);
          r.lookup("#form-start").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 2, 2));
          r.lookup("#form-end").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 27));
        });
    // above the POEC ceiling: a warning naming the rule and its source, saving still allowed
    waitFor(
        () ->
            !r.lookup("#form-warnings")
                .queryAs(javafx.scene.layout.VBox.class)
                .getChildren()
                .isEmpty());
    assertThat(r.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
        .anyMatch(t -> t != null && t.contains("450 h") && t.contains("L6326-3"));
    // fire rather than click: see MeetingsViewTest (shared headless stage in the full suite)
    r.interact(() -> r.lookup("#form-save").queryButton().fire());
    waitFor(() -> column(r, TrainingStatus.IDEA).getItems().size() == 1);

    // keyboard: select the card, Ctrl+→ moves it to the next step
    r.clickOn(column(r, TrainingStatus.IDEA).lookup(".list-cell"));
    r.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
    waitFor(() -> column(r, TrainingStatus.APPLIED).getItems().size() == 1);
    assertThat(column(r, TrainingStatus.IDEA).getItems()).isEmpty();

    // a jump to "Terminé" asks for confirmation first
    r.interact(
        () ->
            r.lookup("#move-to")
                .<TrainingStatus>queryComboBox()
                .setValue(TrainingStatus.COMPLETED));
    r.clickOn("#move-note").write("Attestation reçue");
    r.clickOn("#move-button");
    waitFor(() -> r.lookup("#skip-confirm").query().isVisible());
    assertThat(r.lookup("#skip-message").queryAs(Label.class).getText()).contains("Financé");
    assertThat(column(r, TrainingStatus.APPLIED).getItems()).hasSize(1);
    r.clickOn("#skip-confirm");
    waitFor(() -> column(r, TrainingStatus.COMPLETED).getItems().size() == 1);

    // the outcome: before the end date is refused with the reason, then recorded
    r.interact(
        () -> {
          r.lookup("#outcome").<Outcome>queryComboBox().setValue(Outcome.EMPLOYED_TARGET);
          r.lookup("#outcome-date").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 1));
        });
    r.clickOn("#outcome-save");
    waitFor(
        () ->
            r.lookup("#training-error").queryAs(Label.class).getText() != null
                && r.lookup("#training-error")
                    .queryAs(Label.class)
                    .getText()
                    .contains("avant la fin"));
    r.interact(
        () ->
            r.lookup("#outcome-date")
                .queryAs(DatePicker.class)
                .setValue(LocalDate.of(2026, 9, 28)));
    r.clickOn("#outcome-save");
    TrainingPath p = s.training().board(null).get(0);
    waitFor(() -> s.training().board(null).get(0).outcome() != null);
    p = s.training().board(null).get(0);
    assertThat(p.status()).isEqualTo(TrainingStatus.COMPLETED);
    assertThat(p.outcome()).isEqualTo(Outcome.EMPLOYED_TARGET);
    assertThat(p.hours()).isEqualTo(450);
    assertThat(s.training().events(p.id())).extracting(e -> e.note()).contains("Attestation reçue");
    ListView<?> timeline = r.lookup("#timeline").queryListView();
    waitFor(() -> timeline.getItems().size() == 4);
  }

  @Test
  void atLaptopWidthTheColumnsAreReadableAndTheOutcomeControlFollowsTheSelection(FxRobot r)
      throws Exception {
    // the scene is 1260 px wide (the headless screen is 1280×800): narrower than the supported
    // 1366×768 office laptop, so what holds here holds there
    var a = TrainingFixture.candidate(s, "Bernard", "Anne");
    var b = TrainingFixture.candidate(s, "Roux", "Paul");
    var t = s.training();
    var withOutcome =
        t.create(
            TrainingFixture.draft(a, FundingScheme.POEC, 300), TrainingStatus.EMPLOYED, null, null);
    t.recordOutcome(withOutcome.id(), Outcome.SEEKING, LocalDate.of(2026, 10, 1), null);
    t.create(
        TrainingFixture.draft(b, FundingScheme.CPRO_INTERIM, 300),
        TrainingStatus.EMPLOYED,
        null,
        null);
    ListView<TrainingPath> employed = column(r, TrainingStatus.EMPLOYED);
    r.interact(() -> view.onShow());
    waitFor(() -> employed.getItems().size() == 2);
    // every column keeps its width (it was squeezed to about 100 px): the board scrolls instead
    for (TrainingStatus st : TrainingStatus.values()) {
      assertThat(column(r, st).getWidth()).as(st.name()).isGreaterThanOrEqualTo(179);
    }
    // the funding in words on the card, not its code
    waitFor(() -> !r.lookup("#column-EMPLOYED .list-cell").queryAll().isEmpty());
    assertThat(
            r
                .lookup("#column-EMPLOYED .list-cell")
                .queryAllAs(javafx.scene.control.Labeled.class)
                .stream()
                // the card (its graphic: the name, then the training) says it whole to readers
                .map(javafx.scene.Node::getAccessibleText)
                .filter(x -> x != null && x.contains("ROUX"))
                .findFirst())
        .hasValueSatisfying(
            x ->
                assertThat(x)
                    .contains("Contrat de professionnalisation intérimaire")
                    .doesNotContain("CPRO_INTERIM"));
    ComboBox<Outcome> outcome = r.lookup("#outcome").queryComboBox();
    int annePos = employed.getItems().get(0).id().equals(withOutcome.id()) ? 0 : 1;
    r.interact(() -> employed.getSelectionModel().select(annePos));
    waitFor(() -> outcome.getValue() == Outcome.SEEKING);
    r.interact(() -> outcome.setValue(Outcome.EMPLOYED_OTHER));
    // another person: the control is empty, not Anne's values
    r.interact(() -> employed.getSelectionModel().select(1 - annePos));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(outcome.getValue()).isNull();
    assertThat(r.lookup("#outcome-date").queryAs(DatePicker.class).getValue()).isNull();
  }
}
