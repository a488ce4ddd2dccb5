package fr.passerelle.candidates.ui;

import fr.passerelle.app.Services;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Not a test: opens the Candidates view on a data folder under Xvfb and saves the screenshots of
 * docs/screenshots (search, detail, import errors). Args: DATA_DIR OUT_DIR.
 */
public final class CandidatesScreenshots extends Application {
  private Services services;
  private FxTaskRunner tasks;
  private Path out;

  public static void main(String[] args) {
    launch(args);
  }

  @Override
  public void start(Stage stage) throws Exception {
    services =
        fr.passerelle.testsupport.TestServices.open(Path.of(getParameters().getRaw().get(0)));
    out = Path.of(getParameters().getRaw().get(1));
    tasks = new FxTaskRunner();
    CandidatesView view =
        new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    Scene scene = new Scene(view, 1400, 860);
    scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    stage.setTitle("Passerelle — Candidats");
    stage.setScene(scene);
    stage.show();
    view.onShow();
    after(5, () -> view.search.setText("lefevre hel"));
    after(45, () -> shoot(scene, "candidates-search.png"));
    after(
        47,
        () -> {
          view.table.getSelectionModel().select(0);
          view.table.requestFocus();
          view.detailVm.open(view.table.getItems().get(0).id(), () -> {});
        });
    after(80, () -> shoot(scene, "candidates-detail.png"));
    after(
        82,
        () -> {
          try {
            Path bad = Files.createTempFile("candidats-agence", ".csv");
            Path named = bad.resolveSibling("candidats-agence.csv");
            Files.writeString(
                named,
                "\uFEFFlast_name;first_name;birth_date;email;commune;mobility_km;occupations\r\n"
                    + "Roux;Camille;12/05/1992;camille.roux@exemple.fr;Albi;20;N1101:2\r\n"
                    + "Benali;Karim;31/02/1988;karim.benali@exemple.fr;Castres;15;N1103\r\n"
                    + "Vidal;Inès;03/09/1999;ines.vidal@;Albi;10;D1106\r\n"
                    + "Fabre;Lucas;22/11/2001;;Gaillac;-5;N1101\r\n"
                    + "Marty;Julie;07/07/1995;;Atlantis;10;N1101\r\n"
                    + "Garcia;Noé;14/02/1990;;Albi;10;Z9999\r\n"
                    + "Caron;Léa;01/01/1985;lea.caron@exemple.fr;81004;0;N1103:4\r\n",
                StandardCharsets.UTF_8);
            view.files.importFile(named, ImportMode.ALL_OR_NOTHING);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    after(
        125,
        () -> {
          for (Window w : Window.getWindows()) {
            if (w != stage && w.getScene() != null) {
              shoot(w.getScene(), "candidates-import-errors.png");
            }
          }
        });
    after(
        128,
        () -> {
          tasks.close();
          services.close();
          Platform.exit();
          System.exit(0);
        });
  }

  private void shoot(Scene scene, String name) {
    try {
      File f = out.resolve(name).toFile();
      ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", f);
      System.out.println("saved " + f);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void after(double seconds, Runnable r) {
    PauseTransition p = new PauseTransition(Duration.seconds(seconds));
    p.setOnFinished(e -> r.run());
    p.play();
  }
}
