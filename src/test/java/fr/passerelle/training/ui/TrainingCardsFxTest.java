package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training board's cards at the office laptop's size never break a word in the middle (#19): a
 * compound word too wide for the card is broken after a hyphen.
 */
@ExtendWith(FxTestExtension.class)
class TrainingCardsFxTest {
  static Services s;
  FxTaskRunner tasks;
  TrainingView view;

  @org.junit.jupiter.api.BeforeAll
  static void data() throws Exception {
    s =
        TestServices.withOffice(
            Files.createTempDirectory("training-cards"),
            "Agence Toulouse Matabiau",
            OfficeKind.FRANCE_TRAVAIL);
  }

  @Start
  void start(Stage stage) throws Exception {
    // the application's theme: its font is applied after a card's text is first set
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    tasks = new FxTaskRunner();
    view = new TrainingView(new UiContext(s, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((javafx.scene.Parent) view.build(), 1260, 760));
    stage.show();
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
  void cardsNeverBreakAWordInTheMiddle(FxRobot r) throws Exception {
    // at 1366×768 the cards read "Conductrice-livreu / se", "professionnalisatio / n" (#19)
    var a = TrainingFixture.candidate(s, "Garcia", "Inès");
    s.training()
        .create(
            TrainingFixture.draft(
                a,
                FundingScheme.CPRO_INTERIM,
                385,
                "Formation Conducteur-livreur / Conductrice-livreuse"
                    + " ordonnancement-lancement-planification-ordonnancement-lancement"),
            TrainingStatus.FUNDED,
            null,
            null);
    ListView<TrainingPath> funded = column(r, TrainingStatus.FUNDED);
    r.interact(() -> view.onShow());
    waitFor(() -> funded.getItems().stream().anyMatch(p -> p.candidateName().contains("GARCIA")));
    waitFor(() -> !r.lookup("#column-FUNDED .list-cell .label").queryAll().isEmpty());
    java.util.List<Label> texts =
        r.lookup("#column-FUNDED .list-cell .label").queryAllAs(Label.class).stream()
            .filter(l -> l.getText() != null && l.getText().contains("Formation Conducteur"))
            .toList();
    assertThat(texts).isNotEmpty();
    for (Label body : texts) {
      assertThat(body.getText()).contains("ordonnancement-\n");
      javafx.scene.text.Text word = new javafx.scene.text.Text();
      word.setFont(body.getFont());
      double room = body.getWidth() - body.snappedLeftInset() - body.snappedRightInset();
      for (String w : body.getText().split("\\s+")) {
        word.setText(w);
        assertThat(word.getLayoutBounds().getWidth())
            .as("\"%s\" fits the card (%.0f px), so the label never breaks it", w, room)
            .isLessThanOrEqualTo(room);
      }
    }
  }
}
