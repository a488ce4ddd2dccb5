package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.CutTexts;
import fr.passerelle.testsupport.FxTestExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The questions the views ask through the window's {@link DialogService} ({@link FxDialogService})
 * — unsaved changes, disabling an account, merging two files, replacing the funding rules — at
 * 1366×768 with their real French texts and long names: nothing cut, no button out of reach, sized
 * to their content (issue 19).
 */
@ExtendWith(FxTestExtension.class)
class ConfirmDialogsWalkFxTest {
  final Messages fr = new Messages(Messages.FRENCH);
  Stage stage;
  DialogService confirm;

  @Start
  void start(Stage stage) {
    // the application's theme (global to the JVM: set here, not left to an earlier test's)
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(), CutTexts.LAPTOP_WIDTH, CutTexts.LAPTOP_HEIGHT));
    stage.show();
    confirm = new FxDialogService(fr, () -> stage.getScene().getWindow());
  }

  @AfterEach
  void size() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setWidth(1280);
              stage.setHeight(800);
            })
        .get(60, TimeUnit.SECONDS);
  }

  @Test
  void theQuestionsOfTheViewsAreWholeOnALaptop() throws Exception {
    String name = "Marie-Hélène LEFÈVRE-DUPONT DE LA MOTTE";
    List<String> problems = new ArrayList<>();
    problems.addAll(
        CutTexts.walkDialog("unsaved changes", () -> confirm.unsaved("La fiche de " + name)));
    problems.addAll(
        CutTexts.walkDialog(
            "disable an account",
            () ->
                confirm.confirmDestructive(
                    fr.get("accounts.disable.title", name),
                    fr.get("accounts.disable.text", name, "mhlefevredupontdelamotte"),
                    fr.get("accounts.disable"))));
    problems.addAll(
        CutTexts.walkDialog(
            "merge two files",
            () ->
                confirm.confirmDestructive(
                    fr.get("candidates.merge.title"),
                    fr.get("candidates.merge.text", name, name),
                    fr.get("candidates.duplicates.merge"))));
    problems.addAll(
        CutTexts.walkDialog(
            "replace the funding rules",
            () ->
                confirm.confirmDestructive(
                    fr.get("training.rules.reset"),
                    fr.get("training.rules.reset.confirm"),
                    fr.get("training.rules.reset"))));
    assertThat(problems).isEmpty();
  }
}
