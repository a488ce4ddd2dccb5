package fr.passerelle.sourcing.ui;

import fr.passerelle.sourcing.PipelineStatus;
import fr.passerelle.ui.Messages;
import java.util.Map;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A horizontal bar with one segment per pipeline status, sized by its count. */
final class PipelineBar extends HBox {
  PipelineBar(Map<PipelineStatus, Integer> counts, Messages msg, double width) {
    getStyleClass().add("pipeline-bar");
    setPrefSize(width, 12);
    setMaxWidth(width);
    setMinHeight(12);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder tip = new StringBuilder();
    for (PipelineStatus s : PipelineStatus.values()) {
      int n = counts.getOrDefault(s, 0);
      if (n == 0) {
        continue;
      }
      Region seg = new Region();
      seg.getStyleClass().add("stage-" + s.name());
      seg.setPrefWidth(width * n / total);
      seg.setMinHeight(12);
      HBox.setHgrow(seg, Priority.NEVER);
      getChildren().add(seg);
      tip.append(msg.get("lists.status." + s.name())).append(" : ").append(n).append('\n');
    }
    if (total > 0) {
      Tooltip.install(this, new Tooltip(tip.toString().trim()));
    }
    setAccessibleText(tip.toString().trim());
  }
}
