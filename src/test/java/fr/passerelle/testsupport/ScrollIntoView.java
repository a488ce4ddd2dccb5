package fr.passerelle.testsupport;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls the nearest enclosing {@link ScrollPane} so that a node is in view (as a user would). */
public final class ScrollIntoView {
  private ScrollIntoView() {}

  /** Call on the FX thread; a node outside any scroll pane is left as it is. */
  public static void of(Node node) {
    for (Node p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ScrollPane pane && pane.getContent() != null) {
        Node content = pane.getContent();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double hidden =
            content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
        if (hidden > 0) {
          double top = inContent.getMinY() - pane.getViewportBounds().getHeight() / 3;
          pane.setVvalue(Math.max(0, Math.min(1, top / hidden)));
        }
        pane.layout();
        return;
      }
    }
  }
}
