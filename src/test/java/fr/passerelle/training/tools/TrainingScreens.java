package fr.passerelle.training.tools;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.ui.DashboardView;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.training.ui.TrainingView;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.Comparator;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows one view on a data folder for a screenshot under Xvfb: {@code board}, {@code timeline} (the
 * board with the path whose candidate has the longest history selected) or {@code dashboard}.
 * Arguments: DATA_DIR VIEW [OUT.png] (with OUT.png: a snapshot of the scene after 12 s, then exit).
 * Run through {@link TrainingScreensMain} (JavaFX on the class path).
 */
public final class TrainingScreens extends Application {
  @Override
  public void start(Stage stage) {
    Path dir = Path.of(getParameters().getRaw().get(0));
    String what = getParameters().getRaw().get(1);
    Services s = fr.passerelle.testsupport.TestServices.open(dir);
    FxTaskRunner tasks = new FxTaskRunner();
    UiContext ctx = new UiContext(s, tasks, new Messages(Messages.FRENCH));
    Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    Parent root;
    if (what.equals("dashboard")) {
      DashboardView v = new DashboardView(ctx);
      root = (Parent) v.build();
      v.onShow();
    } else {
      TrainingView v = new TrainingView(ctx);
      root = (Parent) v.build();
      v.onShow();
      if (what.equals("timeline")) {
        TrainingPath p =
            s.training().board(null).stream()
                .filter(x -> x.status() == TrainingStatus.COMPLETED)
                .max(Comparator.comparingInt(x -> s.training().timeline(x.candidateId()).size()))
                .orElseThrow();
        Platform.runLater(() -> v.viewModel().select(p));
      }
    }
    stage.setTitle("Passerelle — " + what);
    stage.setScene(new Scene(root, 1600, 1000));
    stage.setX(0);
    stage.setY(0);
    stage.show();
    if (getParameters().getRaw().size() > 2) {
      Path out = Path.of(getParameters().getRaw().get(2));
      javafx.animation.PauseTransition wait =
          new javafx.animation.PauseTransition(javafx.util.Duration.seconds(12));
      wait.setOnFinished(
          e -> {
            try {
              javax.imageio.ImageIO.write(
                  javafx.embed.swing.SwingFXUtils.fromFXImage(
                      stage.getScene().snapshot(null), null),
                  "png",
                  out.toFile());
            } catch (java.io.IOException x) {
              x.printStackTrace();
            }
            if (what.equals("dashboard")) {
              Path pdf = Path.of(out.toString().replace(".png", "-report.pdf"));
              try (var o = java.nio.file.Files.newOutputStream(pdf)) {
                new fr.passerelle.dashboard.DashboardReport()
                    .write(
                        s.stats()
                            .indicators(
                                fr.passerelle.dashboard.Period.of(
                                    fr.passerelle.dashboard.Period.Preset.LAST_12_MONTHS,
                                    s.stats().today()),
                                null),
                        "Toutes les agences (démo)",
                        s.stats().today(),
                        o);
              } catch (java.io.IOException x) {
                x.printStackTrace();
              }
            }
            tasks.close();
            s.close();
            Platform.exit();
          });
      wait.play();
    }
  }
}
