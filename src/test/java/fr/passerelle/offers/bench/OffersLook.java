package fr.passerelle.offers.bench;

import fr.passerelle.app.Services;
import fr.passerelle.offers.ui.OffersFeature;
import fr.passerelle.sourcing.ui.ListsFeature;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows one of the views on a data folder for screenshots, until the shell is on main: {@code
 * OffersLook DIR offers|lists}. Close the window to quit.
 */
public final class OffersLook extends Application {
  public static void main(String[] args) {
    launch(args);
  }

  @Override
  public void start(Stage stage) {
    var args = getParameters().getRaw();
    Services s = fr.passerelle.testsupport.TestServices.open(Path.of(args.get(0)));
    FxTaskRunner tasks = new FxTaskRunner();
    UiContext ctx = new UiContext(s, tasks, new Messages(Messages.FRENCH));
    var feature = "lists".equals(args.get(1)) ? new ListsFeature(ctx) : new OffersFeature(ctx);
    Node root = feature.build();
    Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    stage.setScene(new Scene((javafx.scene.Parent) root, 1560, 960));
    stage.setTitle("Passerelle — " + ctx.messages().get(feature.titleKey()));
    stage.setOnCloseRequest(
        e -> {
          tasks.close();
          s.close();
          Platform.exit();
        });
    stage.show();
    feature.onShow();
    if (args.size() > 2) {
      // "select": once loaded, select the first row of the first table/list (for screenshots)
      javafx.animation.PauseTransition wait =
          new javafx.animation.PauseTransition(
              javafx.util.Duration.seconds(Integer.parseInt(args.get(2))));
      wait.setOnFinished(
          e -> {
            Node first = root.lookup(".list-view");
            if (first instanceof javafx.scene.control.ListView<?> l) {
              l.getSelectionModel().select(0);
            }
            Node table = root.lookup(".table-view");
            if (table instanceof javafx.scene.control.TableView<?> t && first == null) {
              t.getSelectionModel().select(0);
            }
            if (args.size() > 3 && "occupations".equals(args.get(3))) {
              ((javafx.scene.control.TabPane) root.lookup(".tab-pane"))
                  .getSelectionModel()
                  .select(1);
            }
          });
      wait.play();
    }
  }
}
