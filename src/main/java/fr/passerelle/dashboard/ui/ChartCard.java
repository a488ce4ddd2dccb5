package fr.passerelle.dashboard.ui;

import fr.passerelle.dashboard.Figure;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.SnapshotParameters;
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
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** One axis of the dashboard: its figures (value, trend, link to the list) and a bar chart. */
final class ChartCard extends VBox {
  final BarChart<String, Number> chart;
  private final FlowPane figures = new FlowPane(18, 6);
  private final Messages m;
  private final DialogService dialogs;

  /** How a card's picture is written: the file chosen and the picture at print resolution. */
  interface PngExport {
    void write(Path file, BufferedImage picture);
  }

  /** Print resolution (dots per inch) of the PNG export; the screen is 96. */
  static final int PRINT_DPI = 300;

  private final String title;
  private final Supplier<String> caption;

  /**
   * A card titled {@code title}; {@code caption} says what the figures shown cover (period,
   * office), printed under the title of the PNG export.
   */
  ChartCard(
      String id,
      String title,
      Messages m,
      DialogService dialogs,
      Consumer<Path> csv,
      Supplier<String> caption,
      PngExport png) {
    this.m = m;
    this.dialogs = dialogs;
    this.title = title;
    this.caption = caption;
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
    Button pngButton = new Button(m.get("dashboard.png"));
    pngButton.setId(id + "-png");
    pngButton.setTooltip(new Tooltip(m.get("dashboard.png.tip")));
    pngButton.setOnAction(
        e -> choose(m.get("dashboard.png"), "*.png", id + ".png", f -> png.write(f, picture())));
    Button csvButton = new Button(m.get("dashboard.csv"));
    csvButton.setId(id + "-csv");
    csvButton.setTooltip(new Tooltip(m.get("dashboard.csv.tip")));
    csvButton.setOnAction(e -> choose(m.get("dashboard.csv"), "*.csv", id + ".csv", csv));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(8, t, grow, pngButton, csvButton);
    getChildren().addAll(head, figures, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
  }

  void clearFigures() {
    figures.getChildren().clear();
  }

  /**
   * A figure with its trend ({@code f} null: still being computed) and, if {@code link} is given, a
   * link to the list behind it. The trend's colour says whether it is good news: green for a rise
   * of activity, red for a fall — and the other way round for a figure where more is bad ({@code
   * lowerIsBetter}: offers hard to fill).
   */
  void figure(String id, String label, Figure f, boolean lowerIsBetter, Runnable link) {
    Label value = new Label(f == null ? "…" : String.format(Locale.FRANCE, "%,d", f.value()));
    value.setId(id);
    value.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
    Label name = new Label(label);
    // null: a figure still being computed (the dashboard's first figures, ADR 0209)
    Label trend = new Label(f == null ? m.get("dashboard.computing") : trendText(f));
    trend.setId(id + "-trend");
    Long tr = f == null ? null : f.trend();
    trend.getStyleClass().add(trendClass(tr, lowerIsBetter));
    trend.setStyle(
        switch (trendClass(tr, lowerIsBetter)) {
          case "trend-good" -> "-fx-text-fill: -color-success-fg;";
          case "trend-bad" -> "-fx-text-fill: -color-danger-fg;";
          default -> "-fx-text-fill: -color-fg-muted;";
        });
    VBox box = new VBox(1, name, new HBox(6, value, trend));
    if (link != null) {
      Hyperlink h = new Hyperlink(m.get("dashboard.seeList"));
      h.setId(id + "-link");
      h.setOnAction(e -> link.run());
      box.getChildren().add(h);
    }
    figures.getChildren().add(box);
  }

  /** "trend-good", "trend-bad" or "trend-flat" (no change, or no trend). */
  static String trendClass(Long trend, boolean lowerIsBetter) {
    if (trend == null || trend == 0) {
      return "trend-flat";
    }
    return (trend > 0) != lowerIsBetter ? "trend-good" : "trend-bad";
  }

  /**
   * A derived rate (no trend), e.g. "Taux de présence 66,7 %"; "—" when there is nothing to divide
   * by, "…" while its figures are {@code computing}.
   */
  void rate(String id, String label, Double pct, boolean computing) {
    Label value =
        new Label(
            computing ? "…" : pct == null ? "—" : String.format(Locale.FRANCE, "%.1f %%", pct));
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
    dialogs
        .saveFile(
            DialogService.FileChoice.of("dashboard-export", title).named(name).filter(ext, ext))
        .ifPresent(then);
  }

  /**
   * The chart as shown, drawn again at {@link #PRINT_DPI} (not a screen capture enlarged), under
   * its title and what it covers (period, office): a picture that stands on its own in a slide or a
   * printed report. On the FX thread (a snapshot); writing it is {@link #writePng}'s job.
   */
  BufferedImage picture() {
    double scale = PRINT_DPI / 96.0;
    SnapshotParameters sp = new SnapshotParameters();
    sp.setTransform(Transform.scale(scale, scale));
    sp.setFill(Color.WHITE);
    BufferedImage graph = SwingFXUtils.fromFXImage(chart.snapshot(sp, null), null);
    int pad = (int) Math.round(12 * scale);
    int titleSize = (int) Math.round(16 * scale);
    int captionSize = (int) Math.round(10 * scale);
    int header = pad + titleSize + pad / 2 + captionSize + pad;
    BufferedImage out =
        new BufferedImage(graph.getWidth(), graph.getHeight() + header, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setColor(java.awt.Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, titleSize));
      g.drawString(title, pad, pad + titleSize);
      g.setColor(new java.awt.Color(0x40, 0x40, 0x40));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, captionSize));
      g.drawString(caption.get(), pad, pad + titleSize + pad / 2 + captionSize);
      g.drawImage(graph, 0, header, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Writes {@code picture} as a PNG that says its resolution (pHYs), so it prints at its size. */
  static void writePng(BufferedImage picture, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata meta =
          writer.getDefaultImageMetadata(
              ImageTypeSpecifier.createFromRenderedImage(picture), param);
      String perMetre = String.valueOf(Math.round(PRINT_DPI / 0.0254));
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      phys.setAttribute("pixelsPerUnitXAxis", perMetre);
      phys.setAttribute("pixelsPerUnitYAxis", perMetre);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      meta.mergeTree("javax_imageio_png_1.0", root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(picture, null, meta), param);
    } finally {
      writer.dispose();
    }
  }
}
