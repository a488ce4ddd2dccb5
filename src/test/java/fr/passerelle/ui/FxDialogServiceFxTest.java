package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.UnsavedQuestion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's dialog service keeps its rule for a question whose safe answer is not "Annuler" (the
 * way back after a damaged database: Reconstruire / Restaurer / Quitter): the safe answer is the
 * only default button, Enter and Esc answer it, and a chosen answer is returned (ADR 0189).
 */
@ExtendWith(FxTestExtension.class)
class FxDialogServiceFxTest {
  final Messages fr = new Messages(Messages.FRENCH);
  DialogService dialogs;

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new StackPane(), 800, 600));
    stage.show();
    dialogs = new FxDialogService(fr, () -> stage);
  }

  private DialogPane ask(AtomicReference<Optional<Boolean>> answer, FxRobot r) throws Exception {
    Platform.runLater(
        () ->
            answer.set(
                dialogs.choose(
                    "damaged-dialog",
                    fr.get("db.damaged.header"),
                    "La base est endommagée.",
                    List.of(
                        new DialogService.Answer<>(true, fr.get("db.rebuild")),
                        new DialogService.Answer<>(false, fr.get("db.restoreBackup"))),
                    fr.get("db.quit"))));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> r.lookup("#damaged-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    return r.lookup("#damaged-dialog").queryAs(DialogPane.class);
  }

  private void answered(AtomicReference<Optional<Boolean>> answer) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> answer.get() != null);
  }

  @Test
  void theSafeAnswerIsTheDefaultAndEnterOrEscAnswerIt(FxRobot r) throws Exception {
    AtomicReference<Optional<Boolean>> answer = new AtomicReference<>();
    DialogPane pane = ask(answer, r);
    assertThat(UnsavedQuestion.defaultButtons(pane)).containsExactly("Quitter");
    r.type(KeyCode.ENTER);
    answered(answer);
    assertThat(answer.get()).as("Enter: the safe answer").isEmpty();

    answer.set(null);
    ask(answer, r);
    r.type(KeyCode.ESCAPE);
    answered(answer);
    assertThat(answer.get()).as("Esc: the safe answer").isEmpty();

    answer.set(null);
    pane = ask(answer, r);
    r.clickOn(UnsavedQuestion.button(pane, "Restaurer la sauvegarde"));
    answered(answer);
    assertThat(answer.get()).contains(false);
  }

  /**
   * "Annuler la réunion ?" asked with "Annuler la réunion" and "Annuler" side by side: two ways to
   * cancel, in French. The safe answer says "Ne pas annuler" (seen under Xvfb, session 9).
   */
  @Test
  void anActionThatCancelsHasItsSafeAnswerSaidOtherwise(FxRobot r) throws Exception {
    AtomicReference<Boolean> answer = new AtomicReference<>();
    Platform.runLater(
        () ->
            answer.set(
                dialogs.confirm(
                    "Annuler la réunion ?", "Elle sera marquée annulée.", "Annuler la réunion")));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> r.lookup("#confirm-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane pane = r.lookup("#confirm-dialog").queryAs(DialogPane.class);
    assertThat(UnsavedQuestion.defaultButtons(pane)).containsExactly("Ne pas annuler");
    r.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> answer.get() != null);
    assertThat(answer.get()).as("Esc: the meeting is kept").isFalse();
  }

  /** The one line of text (the tension note): Enter gives what was typed, Esc nothing. */
  @Test
  void anInputGivesWhatWasTypedOnEnterAndNothingOnEsc(FxRobot r) throws Exception {
    AtomicReference<Optional<String>> typed = new AtomicReference<>();
    Platform.runLater(() -> typed.set(dialogs.input("Métier en tension", "Note :", "")));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> r.lookup("#input-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane pane = r.lookup("#input-dialog").queryAs(DialogPane.class);
    assertThat(pane.getHeaderText()).isEqualTo("Métier en tension");
    assertThat(pane.getButtonTypes())
        .extracting(javafx.scene.control.ButtonType::getText)
        .containsExactly("OK", "Annuler");
    assertThat(((Stage) pane.getScene().getWindow()).getTitle()).isEqualTo(fr.get("app.title"));
    // the typed characters go to TestFX's target window: the dialog's
    r.targetWindow(pane.getScene().getWindow());
    r.write("peu de candidats");
    r.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> typed.get() != null);
    assertThat(typed.get()).contains("peu de candidats");

    typed.set(null);
    Platform.runLater(() -> typed.set(dialogs.input("Métier en tension", "Note :", "")));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> r.lookup("#input-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    r.targetWindow(r.lookup("#input-dialog").queryAs(DialogPane.class).getScene().getWindow());
    r.write("abandonné");
    r.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> typed.get() != null);
    assertThat(typed.get()).isEmpty();
  }

  /**
   * A question asked from a dialog shown over the window (the import report's "errors saved")
   * belongs to that dialog, above it, not to the window beneath.
   */
  @Test
  void aQuestionAskedFromADialogBelongsToThatDialog(FxRobot r) throws Exception {
    // a dialog is built on the FX thread (its window is a Stage)
    AtomicReference<javafx.scene.control.Dialog<javafx.scene.control.ButtonType>> shown =
        new AtomicReference<>();
    AtomicReference<Boolean> answer = new AtomicReference<>();
    Platform.runLater(
        () -> {
          var report = new javafx.scene.control.Dialog<javafx.scene.control.ButtonType>();
          shown.set(report);
          report.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
          report.setOnShown(
              e ->
                  Platform.runLater(
                      () -> answer.set(dialogs.confirm("Enregistrer ?", "", "Enregistrer"))));
          dialogs.show(report);
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> r.lookup("#confirm-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane pane = r.lookup("#confirm-dialog").queryAs(DialogPane.class);
    javafx.stage.Window reportWindow = shown.get().getDialogPane().getScene().getWindow();
    assertThat(((Stage) pane.getScene().getWindow()).getOwner()).isSameAs(reportWindow);
    r.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> answer.get() != null);
    Platform.runLater(() -> shown.get().close());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
