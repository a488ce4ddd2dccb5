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
}
