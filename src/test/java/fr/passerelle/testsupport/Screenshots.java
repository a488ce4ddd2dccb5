package fr.passerelle.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots a UI test takes for a human look (docs/screenshots), only when asked: {@code
 * -Dpasserelle.screenshots=DIR} writes the screen's top-left 1366×768 — the laptop window the test
 * placed there, with its dialogs — as {@code DIR/NAME.png}. Nothing otherwise (not an assertion).
 */
public final class Screenshots {
  private Screenshots() {}

  public static void ifAsked(String name) throws Exception {
    String dir = System.getProperty("passerelle.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage shot =
        WaitForAsyncUtils.asyncFx(
                () -> new javafx.scene.robot.Robot().getScreenCapture(null, 0, 0, 1366, 768))
            .get();
    Files.createDirectories(Path.of(dir));
    ImageIO.write(
        SwingFXUtils.fromFXImage(shot, null), "png", Path.of(dir, name + ".png").toFile());
  }
}
