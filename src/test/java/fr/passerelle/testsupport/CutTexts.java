package fr.passerelle.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a counselor would find wrong in a window at 1366×768 (issue 19): a visible text cut (a
 * {@code Labeled} shown with an ellipsis instead of its text: buttons, labels, column headers,
 * tabs), a button outside the window, a form's default button reached only by scrolling; for a
 * dialog, also a dialog larger than the laptop's screen, or laid out smaller than its content needs
 * (what opened "tiny"). Table cells are data the counselor widens as in Excel; a button inside a
 * scrolling pane is reached by scrolling, except the default button of a form (its Save: in view as
 * the form opens).
 */
public final class CutTexts {
  /** The common office laptop's screen. */
  public static final double LAPTOP_WIDTH = 1366;

  public static final double LAPTOP_HEIGHT = 768;

  private CutTexts() {}

  /** What is wrong in what {@code root}'s window shows now (call on the FX thread). */
  public static List<String> walk(String where, Parent root) {
    List<String> problems = new ArrayList<>();
    double width = root.getScene().getWidth();
    double height = root.getScene().getHeight();
    collect(
        root,
        n ->
            n instanceof Labeled
                && !(n instanceof TableCell)
                && shown(n)
                && !inside(n, TableCell.class),
        n -> {
          Labeled l = (Labeled) n;
          String text = l.getText();
          if (text == null || text.isBlank()) {
            return;
          }
          Node shownText = l.lookup(".text");
          if (shownText instanceof Text t
              && !t.getText().equals(text)
              && (t.getText().endsWith(l.getEllipsisString()) || t.getText().endsWith("…"))) {
            problems.add(where + ": " + describe(l) + " shows «" + t.getText() + "»");
          }
        });
    collect(
        root,
        n -> n instanceof Button && shown(n) && !inside(n, ScrollPane.class),
        n -> {
          Bounds b = n.localToScene(n.getBoundsInLocal());
          if (b.getMaxX() > width + 1 || b.getMaxY() > height + 1) {
            problems.add(
                where
                    + ": "
                    + describe((Labeled) n)
                    + " is outside the window ("
                    + Math.round(b.getMaxX())
                    + "×"
                    + Math.round(b.getMaxY())
                    + ")");
          }
        });
    // a form's default button (what Enter presses: Enregistrer) is reached without scrolling: a
    // scrolling pane excuses other buttons, not this one (#19, the meeting form's Save was below
    // the window's edge inside its scrolling form)
    collect(
        root,
        n ->
            n instanceof Button b && b.isDefaultButton() && shown(n) && inside(n, ScrollPane.class),
        n -> {
          Bounds b = n.localToScene(n.getBoundsInLocal());
          for (Node p = n.getParent(); p != null; p = p.getParent()) {
            Bounds v = p instanceof ScrollPane ? p.localToScene(p.getLayoutBounds()) : null;
            if (v != null
                && (b.getMaxY() > v.getMaxY() + 1
                    || b.getMinY() < v.getMinY() - 1
                    || b.getMaxY() > height + 1)) {
              problems.add(
                  where
                      + ": "
                      + describe((Labeled) n)
                      + " is reached only by scrolling ("
                      + Math.round(b.getMaxY())
                      + " px down, its pane ends at "
                      + Math.round(Math.min(v.getMaxY(), height))
                      + ")");
              return;
            }
          }
        });
    return problems;
  }

  /**
   * Opens a dialog with {@code open} (run later on the FX thread: it may wait in {@code
   * showAndWait}), walks it once shown, closes it; returns what is wrong with it.
   */
  public static List<String> walkDialog(String where, Runnable open) throws Exception {
    Set<Window> before = onFx(() -> new HashSet<>(Window.getWindows()));
    Platform.runLater(open);
    Window[] dialog = new Window[1];
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            onFx(
                () -> {
                  for (Window w : Window.getWindows()) {
                    if (!before.contains(w)
                        && w.isShowing()
                        && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane) {
                      dialog[0] = w;
                      return true;
                    }
                  }
                  return false;
                }));
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
    try {
      // a window may be sized a pulse after it shows: give it a moment to reach its own size
      WaitForAsyncUtils.waitFor(
          3,
          TimeUnit.SECONDS,
          () ->
              onFx(
                  () -> {
                    DialogPane p = (DialogPane) dialog[0].getScene().getRoot();
                    return p.getWidth() + 1 >= p.prefWidth(-1);
                  }));
    } catch (java.util.concurrent.TimeoutException e) {
      // it stays smaller: said below
    }
    try {
      return onFx(() -> dialogProblems(where, dialog[0]));
    } finally {
      WaitForAsyncUtils.asyncFx(dialog[0]::hide).get(60, TimeUnit.SECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private static List<String> dialogProblems(String where, Window w) {
    DialogPane pane = (DialogPane) w.getScene().getRoot();
    List<String> problems = new ArrayList<>(walk(where, pane));
    if (w.getWidth() > LAPTOP_WIDTH + 1 || w.getHeight() > LAPTOP_HEIGHT + 1) {
      problems.add(
          where
              + ": the dialog is "
              + Math.round(w.getWidth())
              + "×"
              + Math.round(w.getHeight())
              + ", larger than a 1366×768 screen");
    }
    double needW = pane.prefWidth(-1);
    double needH = pane.prefHeight(pane.getWidth());
    if (pane.getWidth() + 1 < needW || pane.getHeight() + 1 < needH) {
      problems.add(
          where
              + ": the dialog is laid out at "
              + Math.round(pane.getWidth())
              + "×"
              + Math.round(pane.getHeight())
              + ", its content needs "
              + Math.round(needW)
              + "×"
              + Math.round(needH));
    }
    return problems;
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
  }

  private static String describe(Labeled l) {
    return l.getClass().getSimpleName()
        + (l.getId() == null ? "" : " #" + l.getId())
        + " «"
        + l.getText().replace('\n', ' ')
        + "»";
  }

  /** Gives {@code found} each visible node under {@code n} (itself included) that matches. */
  public static void collect(
      Node n, java.util.function.Predicate<Node> match, java.util.function.Consumer<Node> found) {
    if (!n.isVisible()) {
      return;
    }
    if (match.test(n)) {
      found.accept(n);
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, match, found);
      }
    }
  }

  /** Visible with all its parents, and laid out with a size. */
  public static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    Bounds b = n.getLayoutBounds();
    return b.getWidth() > 0 && b.getHeight() > 0;
  }

  private static boolean inside(Node n, Class<?> type) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (type.isInstance(p)) {
        return true;
      }
    }
    return false;
  }
}
