package fr.passerelle.testsupport;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.robot.Motion;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's {@link ApplicationExtension}, with the robot's node look-ups done on the FX thread.
 *
 * <p>TestFX computes a node's bounds on the test thread when it clicks or moves to a node or a
 * query ({@code clickOn("#id")}). On a loaded machine that races with the FX thread's layout and
 * can leave a parent's cached bounds corrupt ({@code Index -1 out of bounds} in {@code
 * Parent.updateCachedBounds}, {@code PrismTextLayout} NPEs); the corrupt shared stage then fails
 * every later UI test of the run. Here the point to click is computed on the FX thread and the
 * robot only moves to a fixed point. Exceptions an earlier test left in {@link WaitForAsyncUtils}
 * are cleared before each test, so one failure is reported once, by the test that caused it.
 *
 * <p>Use {@code @ExtendWith(FxTestExtension.class)} instead of {@code ApplicationExtension}.
 */
public class FxTestExtension extends ApplicationExtension {

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    WaitForAsyncUtils.clearExceptions();
    // a dialog, popup or stage an earlier test left showing would take this test's clicks and keys
    if (org.testfx.api.FxToolkit.isFXApplicationThreadRunning()) {
      org.testfx.api.FxToolkit.cleanupStages();
      forgetFiredEvents();
    }
    super.beforeEach(context);
  }

  /**
   * TestFX keeps every event fired on the shared stage since it was registered, each with its
   * target node: the scenes of every earlier test, whole shells with their data, to the end of the
   * run. Registering the same stage again starts a new, empty record.
   */
  public static void forgetFiredEvents() throws Exception {
    org.testfx.api.FxToolkitContext context = org.testfx.api.FxToolkit.toolkitContext();
    javafx.stage.Stage stage = context.getRegisteredStage();
    if (stage != null) {
      WaitForAsyncUtils.asyncFx(() -> context.setRegisteredStage(stage)).get(60, TimeUnit.SECONDS);
    }
  }

  @Override
  public FxRobot clickOn(String query, Motion motion, MouseButton... buttons) {
    return clickOn(centreOf(query), motion, buttons);
  }

  @Override
  public FxRobot clickOn(Node node, Motion motion, MouseButton... buttons) {
    return clickOn(centreOf(node), motion, buttons);
  }

  @Override
  public FxRobot doubleClickOn(String query, Motion motion, MouseButton... buttons) {
    return doubleClickOn(centreOf(query), motion, buttons);
  }

  @Override
  public FxRobot doubleClickOn(Node node, Motion motion, MouseButton... buttons) {
    return doubleClickOn(centreOf(node), motion, buttons);
  }

  @Override
  public FxRobot rightClickOn(String query, Motion motion) {
    return clickOn(centreOf(query), motion, MouseButton.SECONDARY);
  }

  @Override
  public FxRobot rightClickOn(Node node, Motion motion) {
    return clickOn(centreOf(node), motion, MouseButton.SECONDARY);
  }

  @Override
  public FxRobot moveTo(String query, Motion motion) {
    return moveTo(centreOf(query), motion);
  }

  /** The screen centre of the first visible node the query finds, computed on the FX thread. */
  private Point2D centreOf(String query) {
    return onFx(
        () -> {
          Node node =
              lookup(query)
                  .match(NodeQueryUtils.isVisible())
                  .tryQuery()
                  .orElseThrow(
                      () -> new AssertionError("no visible node for the query \"" + query + "\""));
          return screenCentre(node);
        });
  }

  private Point2D centreOf(Node node) {
    return onFx(() -> screenCentre(node));
  }

  private static Point2D screenCentre(Node node) {
    Bounds b = node.localToScreen(node.getBoundsInLocal());
    if (b == null) {
      throw new AssertionError("the node is not shown in a window: " + node);
    }
    return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
  }

  private static <T> T onFx(Supplier<T> work) {
    if (Platform.isFxApplicationThread()) {
      return work.get();
    }
    WaitForAsyncUtils.waitForFxEvents();
    try {
      return WaitForAsyncUtils.asyncFx(work::get).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the FX thread did not answer within 60 s", e);
    }
  }
}
