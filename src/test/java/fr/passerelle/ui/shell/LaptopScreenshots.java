package fr.passerelle.ui.shell;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Navigation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Not a test: the shell at 1366×768 on a demo data folder, saving the screenshots of the candidates
 * and meetings screens (#19): filters open, a file open beside the list, an ambiguous commune, the
 * meetings toolbar. Under Xvfb: {@code java -cp ... fr.passerelle.ui.shell.LaptopScreenshots
 * DATA_DIR OUT_DIR [PREFIX]} (an encrypted folder: PASSERELLE_BENCH_PASSWORD, as benchmarks).
 */
public final class LaptopScreenshots {
  private LaptopScreenshots() {}

  public static void main(String[] args) {
    Application.launch(
        Look.class, args); // JavaFX on the class path: the launcher is no Application
  }

  /** The window and its steps. */
  public static final class Look extends Application {
    private Scene scene;
    private Path out;
    private String prefix;
    private final fr.passerelle.testsupport.TimedSteps steps =
        new fr.passerelle.testsupport.TimedSteps(Duration.seconds(4));

    @Override
    public void start(Stage stage) throws Exception {
      List<String> args = getParameters().getRaw();
      Services s = TestServices.openAny(Path.of(args.get(0)));
      out = Path.of(args.get(1));
      prefix = args.size() > 2 ? args.get(2) : "";
      Files.createDirectories(out);
      ShellHarness h = ShellHarness.show(stage, s, f -> f);
      stage.setWidth(1366);
      stage.setHeight(768);
      scene = h.scene();
      int candidates = fr.passerelle.testsupport.TimedSteps.index(h, "candidates");
      int meetings = fr.passerelle.testsupport.TimedSteps.index(h, "meetings");
      steps.step(() -> h.vm().select(candidates));
      steps.step(
          () -> {
            ((TextField) scene.lookup("#candidates-search")).setText("ma");
            expandFilters(true);
          });
      steps.step(() -> shoot("candidates-filters-1366.png"));
      steps.step(
          () -> {
            var criteria =
                (javafx.scene.control.MenuButton) scene.lookup("#candidates-filter-criteria");
            ((javafx.scene.control.CheckBox)
                    ((javafx.scene.control.CustomMenuItem) criteria.getItems().get(1)).getContent())
                .setSelected(true);
            ((javafx.scene.control.ComboBox<?>) scene.lookup("#candidates-filter-age"))
                .getSelectionModel()
                .select(1);
            expandFilters(false);
          });
      steps.step(() -> shoot("candidates-filters-folded-1366.png"));
      steps.step(
          () -> {
            ((javafx.scene.control.Button) scene.lookup("#candidates-filters-clear")).fire();
            ((TextField) scene.lookup("#candidates-search")).setText("");
          });
      steps.step(() -> commune().setText("Saint-Denis"));
      steps.step(() -> shoot("candidates-filter-commune-1366.png"));
      steps.step(
          () -> {
            commune().setText("");
            expandFilters(false);
          });
      steps.step(
          () ->
              s
                  .candidateSearch()
                  .search(fr.passerelle.candidates.CandidateQuery.text("a"), 0, 1)
                  .stream()
                  .findFirst()
                  .ifPresent(c -> h.shell().open(new Navigation.OpenCandidate(c.id()))));
      steps.step(() -> shoot("candidates-detail-1366.png"));
      steps.step(() -> h.vm().select(meetings));
      steps.step(() -> shoot("meetings-toolbar-1366.png"));
      steps.step(Platform::exit);
      steps.start();
    }

    private void expandFilters(boolean open) {
      Node n = scene.lookup("#candidates-filters");
      if (n == null) {
        n = scene.lookup(".titled-pane"); // before #19's compact filters
      }
      if (n instanceof TitledPane t) {
        t.setExpanded(open);
      } else if (n != null) {
        n.getProperties().put("expand", open);
        Node more = scene.lookup("#candidates-filters-more");
        if (more instanceof javafx.scene.control.ToggleButton b) {
          b.setSelected(open);
        }
      }
    }

    private TextField commune() {
      return (TextField) scene.lookup("#candidates-filter-commune");
    }

    private void shoot(String name) {
      try {
        ImageIO.write(
            SwingFXUtils.fromFXImage(scene.snapshot(null), null),
            "png",
            out.resolve(prefix + name).toFile());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
