package fr.passerelle.testsupport;

import fr.passerelle.app.Services;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import fr.passerelle.ui.shell.Features;
import fr.passerelle.ui.shell.PasserelleApp;
import fr.passerelle.ui.shell.ShellView;
import fr.passerelle.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real shell with every feature of {@link Features#all}, in French and the application's theme,
 * on the test's stage at the smallest default window size (1280×800), for TestFX tests that go from
 * one view to another.
 */
public record ShellHarness(
    FxTaskRunner tasks,
    List<FeatureView> features,
    ShellViewModel vm,
    ShellView shell,
    Scene scene,
    fr.passerelle.ui.ShellScope scope) {

  /** Shows the shell on {@code stage}; {@code wrap} may stand in for each feature (a recorder). */
  public static ShellHarness show(Stage stage, Services s, UnaryOperator<FeatureView> wrap) {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    FxTaskRunner tasks = new FxTaskRunner();
    UiContext ctx = new UiContext(s, tasks, new Messages(Messages.FRENCH));
    List<FeatureView> features = Features.all(ctx).stream().map(wrap).toList();
    ShellViewModel vm =
        new ShellViewModel(ctx, features.stream().map(FeatureView::id).toList(), ZoneId.of("UTC"));
    ShellView shell =
        new ShellView(ctx, features, vm, tasks.running(), Path.of("passerelle.log"), l -> {});
    // as in the application (AppController): under ControlsFX's decorations pane
    impl.org.controlsfx.skin.DecorationPane decorations =
        new impl.org.controlsfx.skin.DecorationPane();
    decorations.setRoot(shell.node());
    Scene scene = new Scene(decorations, 1280, 800);
    scene.getStylesheets().add(PasserelleApp.class.getResource("shell.css").toExternalForm());
    stage.setScene(scene);
    dropWhenReplaced(stage, scene, ctx.scope());
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    shell.start();
    return new ShellHarness(tasks, features, vm, shell, scene, ctx.scope());
  }

  /**
   * Closes {@code scope} once {@code stage} shows another scene (the next test's): the shell is
   * then dropped as the application drops one, even by a test that does not {@link #close} it.
   */
  private static void dropWhenReplaced(
      Stage stage, Scene scene, fr.passerelle.ui.ShellScope scope) {
    javafx.beans.value.ChangeListener<Scene> replaced =
        new javafx.beans.value.ChangeListener<>() {
          @Override
          public void changed(
              javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
            if (now != scene) {
              scope.close();
              stage.sceneProperty().removeListener(this);
            }
          }
        };
    stage.sceneProperty().addListener(replaced);
  }

  /** As {@link #show}, every feature itself, at the common office laptop's 1366×768 (#19). */
  public static ShellHarness showOnALaptop(Stage stage, Services s) {
    ShellHarness h = show(stage, s, f -> f);
    stage.setWidth(1366);
    stage.setHeight(768);
    return h;
  }

  /**
   * Drops the shell as the application does (its views' subscriptions and timers end), stops the
   * tasks and gives {@code stage} back at the size the next UI tests expect.
   */
  public void close(Stage stage) throws Exception {
    scope.close();
    tasks.close();
    org.testfx.util.WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setWidth(1280);
              stage.setHeight(800);
            })
        .get(60, java.util.concurrent.TimeUnit.SECONDS);
  }
}
