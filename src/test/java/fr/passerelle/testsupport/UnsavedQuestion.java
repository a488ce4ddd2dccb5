package fr.passerelle.testsupport;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Modifications non enregistrées" question ({@code ui/DialogService#unsaved}) as the tests of
 * the unsaved-changes guard read and answer it.
 */
public final class UnsavedQuestion {
  private UnsavedQuestion() {}

  /** The question, once it is shown (within 30 s). */
  public static DialogPane shown(FxRobot r) throws Exception {
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> r.lookup("#unsaved-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    return r.lookup("#unsaved-dialog").queryAs(DialogPane.class);
  }

  /** Its button with this text. */
  public static Button button(DialogPane pane, String text) {
    return pane.getButtonTypes().stream()
        .map(t -> (Button) pane.lookupButton(t))
        .filter(b -> b.getText().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + text));
  }

  /** The texts of its default buttons (what Enter fires). */
  public static List<String> defaultButtons(DialogPane pane) {
    return pane.getButtonTypes().stream()
        .map(pane::lookupButton)
        .map(Button.class::cast)
        .filter(Button::isDefaultButton)
        .map(Button::getText)
        .toList();
  }
}
