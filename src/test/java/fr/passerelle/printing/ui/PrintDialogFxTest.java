package fr.passerelle.printing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.printing.Printing;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.ui.FxDialogService;
import fr.passerelle.ui.Messages;
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
 * The print dialog shown through the window's dialog service (ADR 0193): owned by the window, the
 * default printer chosen, "Enregistrer le PDF…" gives what was chosen, Esc nothing.
 */
@ExtendWith(FxTestExtension.class)
class PrintDialogFxTest {
  final Messages fr = new Messages(Messages.FRENCH);
  final Printing.Choices choices =
      new Printing.Choices(List.of("Accueil", "Bureau 2"), Optional.of("Bureau 2"));
  Stage stage;
  FxDialogService dialogs;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(), 800, 600));
    stage.show();
    dialogs = new FxDialogService(fr, () -> stage);
  }

  private DialogPane open(AtomicReference<Optional<PrintDialog.Request<String>>> chosen, FxRobot r)
      throws Exception {
    Platform.runLater(
        () ->
            chosen.set(
                PrintDialog.show(
                    dialogs, fr, choices, List.of("liste", "convocations"), "liste", d -> d)));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> r.lookup("#print-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    return r.lookup("#print-dialog").queryAs(DialogPane.class);
  }

  @Test
  void savingThePdfGivesWhatWasChosenAndEscGivesNothing(FxRobot r) throws Exception {
    AtomicReference<Optional<PrintDialog.Request<String>>> chosen = new AtomicReference<>();
    DialogPane pane = open(chosen, r);
    assertThat(((Stage) pane.getScene().getWindow()).getOwner()).isSameAs(stage);
    r.clickOn("#printSavePdf");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chosen.get() != null);
    assertThat(chosen.get())
        .contains(new PrintDialog.Request<>(PrintDialog.Action.SAVE_PDF, "liste", "Bureau 2", 1));

    chosen.set(null);
    open(chosen, r);
    r.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chosen.get() != null);
    assertThat(chosen.get()).isEmpty();
  }
}
