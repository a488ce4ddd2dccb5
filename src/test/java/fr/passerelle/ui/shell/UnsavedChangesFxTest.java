package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.UnsavedQuestion;
import fr.passerelle.ui.Navigation;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing lost (#19): a candidate's file edited and not saved is never dropped silently — leaving
 * the view by the rail, by Ctrl+n or closing the window asks Save / Discard / Cancel, with Cancel
 * the default button (Enter keeps the edit).
 */
@ExtendWith(FxTestExtension.class)
class UnsavedChangesFxTest {
  @TempDir static Path dir;
  static Services s;
  static UUID helene;
  ShellHarness h;
  Stage stage;

  @BeforeAll
  static void data() {
    s = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    helene =
        s.candidates()
            .save(
                fr.passerelle.candidates.CandidateFixtures.person("Lefèvre", "Hélène", "31555"),
                null)
            .id();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    h = ShellHarness.show(stage, s, f -> f);
  }

  @AfterEach
  void tearDown() {
    h.tasks().close();
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Opens Hélène's file and changes her first name on screen (not saved). */
  private TextField editFirstName(FxRobot r, String name) throws Exception {
    String saved = firstNameSaved();
    r.interact(() -> h.shell().open(new Navigation.OpenCandidate(helene)));
    waitUntil(() -> r.lookup("#candidate-first-name").tryQuery().isPresent());
    TextField first = r.lookup("#candidate-first-name").queryAs(TextField.class);
    waitUntil(() -> saved.equals(first.getText()));
    r.interact(() -> first.setText(name));
    return first;
  }

  private String firstNameSaved() {
    return s.candidates().find(helene).orElseThrow().firstName();
  }

  @Test
  void leavingTheViewAsksAndCancelKeepsTheEditThenSaveWritesIt(FxRobot r) throws Exception {
    TextField first = editFirstName(r, "Hélèna");
    r.clickOn("#nav-meetings");
    DialogPane pane = UnsavedQuestion.shown(r);
    assertThat(pane.getContentText()).contains("LEFÈVRE Hélèna").contains("non enregistrées");
    assertThat(r.lookup("#nav-candidates").queryAs(javafx.scene.control.ToggleButton.class))
        .matches(
            javafx.scene.control.ToggleButton::isSelected,
            "while asking, the rail still shows the entry shown (Candidats)");
    assertThat(r.lookup("#nav-meetings").queryAs(javafx.scene.control.ToggleButton.class))
        .matches(t -> !t.isSelected(), "Réunions not lit before the counselor chooses");
    assertThat(String.join(", ", UnsavedQuestion.defaultButtons(pane)))
        .as("Enter must not drop nor save")
        .isEqualTo("Annuler");
    r.interact(() -> UnsavedQuestion.button(pane, "Annuler").fire());
    waitUntil(() -> r.lookup("#unsaved-dialog").tryQuery().isEmpty());
    assertThat(h.vm().selectedId()).isEqualTo("candidates");
    assertThat(r.lookup("#nav-candidates").queryAs(javafx.scene.control.ToggleButton.class))
        .matches(javafx.scene.control.ToggleButton::isSelected, "the rail still shows Candidats");
    assertThat(first.getText()).isEqualTo("Hélèna");
    assertThat(firstNameSaved()).isEqualTo("Hélène");

    // Ctrl+2 asks too; "Enregistrer" saves, then the other view is shown
    r.interact(first::requestFocus);
    r.press(javafx.scene.input.KeyCode.CONTROL)
        .type(javafx.scene.input.KeyCode.DIGIT2)
        .release(javafx.scene.input.KeyCode.CONTROL);
    DialogPane again = UnsavedQuestion.shown(r);
    r.interact(() -> UnsavedQuestion.button(again, "Enregistrer").fire());
    waitUntil(() -> "meetings".equals(h.vm().selectedId()));
    assertThat(firstNameSaved()).isEqualTo("Hélèna");
  }

  @Test
  void closingTheWindowAsksAndDiscardDropsTheEditThenCloses(FxRobot r) throws Exception {
    String saved = firstNameSaved();
    editFirstName(r, "Hélénou");
    AtomicBoolean closed = new AtomicBoolean();
    WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
    // asked in a nested event loop, as the window's close button does
    Platform.runLater(() -> h.shell().onCloseRequest(request, () -> closed.set(true)));
    DialogPane pane = UnsavedQuestion.shown(r);
    assertThat(request.isConsumed()).as("the window stays open while asking").isTrue();
    assertThat(String.join(", ", UnsavedQuestion.defaultButtons(pane))).isEqualTo("Annuler");
    r.interact(() -> UnsavedQuestion.button(pane, "Annuler").fire());
    waitUntil(() -> r.lookup("#unsaved-dialog").tryQuery().isEmpty());
    assertThat(closed).isFalse();

    WindowEvent again = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
    Platform.runLater(() -> h.shell().onCloseRequest(again, () -> closed.set(true)));
    DialogPane second = UnsavedQuestion.shown(r);
    r.interact(() -> UnsavedQuestion.button(second, "Ne pas enregistrer").fire());
    waitUntil(closed::get);
    assertThat(firstNameSaved()).isEqualTo(saved);
    assertThat(r.lookup("#candidate-first-name").queryAs(TextField.class).getText())
        .isEqualTo(saved);

    // nothing pending: the close request is left alone (the window closes)
    WindowEvent last = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
    r.interact(() -> h.shell().onCloseRequest(last, () -> {}));
    assertThat(last.isConsumed()).isFalse();
  }

  @Test
  void visitingEveryViewWithoutEditingNeverAsks(FxRobot r) throws Exception {
    for (String id :
        List.of(
            "meetings",
            "candidates",
            "offers",
            "lists",
            "training",
            "sync",
            "dashboard",
            "meetings",
            "training",
            "offers",
            "dashboard")) {
      r.clickOn("#nav-" + id);
      waitUntil(() -> id.equals(h.vm().selectedId()));
      WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the view's background load lands
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(r.lookup("#unsaved-dialog").tryQuery()).as("asked when leaving " + id).isEmpty();
      assertThat(h.shell().hasUnsaved()).as(id + " holds no edit").isFalse();
    }
  }

  @Test
  void aNewMeetingTypedAndNotSavedIsAskedAboutAndDiscardEmptiesTheForm(FxRobot r) throws Exception {
    r.clickOn("#nav-meetings");
    waitUntil(() -> r.lookup("#title").tryQuery().isPresent());
    TextField title = r.lookup("#title").queryAs(TextField.class);
    r.interact(() -> title.setText("Job dating logistique"));
    r.clickOn("#nav-candidates");
    DialogPane pane = UnsavedQuestion.shown(r);
    assertThat(pane.getContentText()).startsWith("La nouvelle réunion a des modifications");
    assertThat(String.join(", ", UnsavedQuestion.defaultButtons(pane))).isEqualTo("Annuler");
    r.interact(() -> UnsavedQuestion.button(pane, "Ne pas enregistrer").fire());
    waitUntil(() -> "candidates".equals(h.vm().selectedId()));
    r.clickOn("#nav-meetings");
    waitUntil(() -> "meetings".equals(h.vm().selectedId()));
    assertThat(title.getText()).isEmpty();
    assertThat(h.shell().hasUnsaved()).isFalse();
  }
}
