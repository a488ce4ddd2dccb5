package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.FxTestExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A data folder that cannot be used gives a dialog that says why, and closing it quits. */
@ExtendWith(FxTestExtension.class)
class ShellOpenErrorTest {
  @TempDir static Path tmp;
  private final AtomicBoolean quit = new AtomicBoolean();
  private AppController app;
  private Path notADirectory;

  @Start
  void start(Stage stage) throws Exception {
    notADirectory = Files.writeString(tmp.resolve("not-a-folder"), "x");
    app =
        new AppController(
            stage,
            notADirectory.resolve("data"),
            tmp.resolve("passerelle.log"),
            (s, p) -> {
              throw new AssertionError("no demo here");
            });
    app.onFatal(() -> quit.set(true));
    app.start();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> app.close()).get();
  }

  @Test
  void saysWhichFolderCannotBeUsed(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        120, TimeUnit.SECONDS, () -> robot.lookup("#open-error").tryQuery().isPresent());
    String text = robot.lookup("#open-error").queryAs(Labeled.class).getText();
    assertThat(text)
        .startsWith("Impossible de créer le dossier de données " + notADirectory)
        .contains("un élément de son chemin est un fichier, pas un dossier")
        .doesNotContain("Cannot", "Not a directory");
    assertThat(text).doesNotContain("\tat ");
    assertThat(robot.lookup("Passerelle ne peut pas ouvrir sa base de données").tryQuery())
        .isPresent();
    robot.clickOn("OK");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, quit::get);
    assertThat(app.services()).isNull();
  }
}
