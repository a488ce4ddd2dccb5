package fr.passerelle.dashboard.ui;

import fr.passerelle.dashboard.Figure;
import fr.passerelle.ui.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** One axis of the dashboard: its figures (value, trend, link to the list) and a bar chart. */
final class ChartCard extends VBox {
  final BarChart<String, Number> chart;
  private final FlowPane figures = new FlowPane(18, 6);
  private final Messages m;

  ChartCard(String id, String title, Messages m, Consumer<Path> csv) {
    this.m = m;
    setId(id);
    getStyleClass().add("dashboard-card");
    setPadding(new Insets(10));
    setSpacing(6);
    setStyle(
        "-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 6; -fx-background-radius: 6;");
    Label t = new Label(title);
    t.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    chart = new BarChart<>(x, y);
    chart.setAnimated(false);
    chart.setMinHeight(180);
    chart.setPrefHeight(220);
    chart.setLegendVisible(true);
    Button png = new Button(m.get("dashboard.png"));
    png.setId(id + "-png");
    png.setTooltip(new Tooltip(m.get("dashboard.png.tip")));
    png.setOnAction(e -> choose(m.get("dashboard.png"), "*.png", id + ".png", this::savePng));
    Button csvButton = new Button(m.get("dashboard.csv"));
    csvButton.setId(id + "-csv");
    csvButton.setTooltip(new Tooltip(m.get("dashboard.csv.tip")));
    csvButton.setOnAction(e -> choose(m.get("dashboard.csv"), "*.csv", id + ".csv", csv));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(8, t, grow, png, csvButton);
    getChildren().addAll(head, figures, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
  }

  void clearFigures() {
    figures.getChildren().clear();
  }

  /** A figure with its trend and, if {@code link} is given, a link to the list behind it. */
  void figure(String id, String label, Figure f, Runnable link) {
    Label value = new Label(String.format(Locale.FRANCE, "%,d", f.value()));
    value.setId(id);
    value.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
    Label name = new Label(label);
    Label trend = new Label(trendText(f));
    trend.setId(id + "-trend");
    Long tr = f.trend();
    trend.setStyle(
        tr == null || tr == 0
            ? "-fx-text-fill: -color-fg-muted;"
            : tr > 0 ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
    VBox box = new VBox(1, name, new HBox(6, value, trend));
    if (link != null) {
      Hyperlink h = new Hyperlink(m.get("dashboard.seeList"));
      h.setId(id + "-link");
      h.setOnAction(e -> link.run());
      box.getChildren().add(h);
    }
    figures.getChildren().add(box);
  }

  /** A derived rate (no trend), e.g. "Taux de présence 66,7 %". */
  void rate(String id, String label, Double pct) {
    Label value = new Label(pct == null ? "—" : String.format(Locale.FRANCE, "%.1f %%", pct));
    value.setId(id);
    value.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
    figures.getChildren().add(new VBox(1, new Label(label), value));
  }

  private String trendText(Figure f) {
    Long t = f.trend();
    if (t == null) {
      return m.get("dashboard.snapshot");
    }
    String arrow = t > 0 ? "▲ +" : t < 0 ? "▼ " : "= ";
    return arrow + String.format(Locale.FRANCE, "%,d", t) + " " + m.get("dashboard.vsPrevious");
  }

  private void choose(String title, String ext, String name, Consumer<Path> then) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.setInitialFileName(name);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext, ext));
    File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (f != null) {
      then.accept(f.toPath());
    }
  }

  /** Writes the chart as it is shown (a snapshot) to a PNG file. */
  void savePng(Path file) {
    try {
      ImageIO.write(
          SwingFXUtils.fromFXImage(chart.snapshot(null, null), null), "png", file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
