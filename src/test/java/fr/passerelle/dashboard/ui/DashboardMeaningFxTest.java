package fr.passerelle.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardCsv;
import fr.passerelle.dashboard.DashboardFixture;
import fr.passerelle.dashboard.Figure;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.Period;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard compares like with like and says what its colours mean (#19 item 6): on 6 February
 * "Ce mois-ci" counts 1–6 February against 1–6 January (not the whole of January), a rise of offers
 * hard to fill is red, the months on the axis are French, the funding schemes are words, and a
 * chart's PNG is drawn at print resolution under its title and period.
 */
@ExtendWith(FxTestExtension.class)
class DashboardMeaningFxTest {
  static final LocalDate TODAY = LocalDate.of(2026, 2, 6);
  static Services s;
  FxTaskRunner tasks;
  DashboardView view;
  Stage stage;

  @BeforeAll
  static void data() throws Exception {
    TestServices.ManualClock clock = new TestServices.ManualClock();
    clock.set(LocalDateTime.of(2026, 2, 6, 9, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    s = TestServices.open(Files.createTempDirectory("dashboard-meaning"), clock);
    new DashboardFixture(s).build();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    tasks = new FxTaskRunner();
    view = new DashboardView(new UiContext(s, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((javafx.scene.Parent) view.build(), 1280, 800));
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    view.onShow();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  private Indicators shown() throws Exception {
    var vm = view.viewModel();
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> vm.indicators().get() != null && vm.indicators().get().complete());
    WaitForAsyncUtils.waitForFxEvents();
    return vm.indicators().get();
  }

  @Test
  void thisMonthOnThe6thIsComparedWithTheSameDaysOfLastMonth(FxRobot r) throws Exception {
    assertThat(s.stats().today()).isEqualTo(TODAY);
    Indicators i = shown();
    assertThat(i.period()).isEqualTo(new Period(LocalDate.of(2026, 2, 1), TODAY));
    assertThat(i.previous())
        .isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6)));
    // of the fixture's January offers, only the temp agency's offer 10 opened by 6 January
    assertThat(i.figures().get("offers.tempAgency")).isEqualTo(new Figure(0, 1L));
    assertThat(i.figures().get("offers.franceTravail")).isEqualTo(new Figure(0, 0L));
    assertThat(r.lookup("#dashboard-compared").queryAs(Label.class).getText())
        .contains("01/02/2026", "06/02/2026", "01/01/2026", "06/01/2026", "à ce jour");
    // a past month is still compared with the whole month before
    Period.Comparison dec =
        new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)).asOf(TODAY);
    assertThat(dec.previous())
        .isEqualTo(new Period(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)));
    // this quarter on 31 March: compared with the quarter before up to 31 December
    Period.Comparison q =
        new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
            .asOf(LocalDate.of(2026, 3, 30));
    assertThat(q.previous())
        .isEqualTo(new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 30)));
  }

  @Test
  void aRiseOfOffersHardToFillIsRedAndARiseOfActivityGreen(FxRobot r) throws Exception {
    Indicators i = shown();
    Figure hard = i.figures().get("offers.hardToFill");
    assertThat(hard.trend()).as("the fixture has more hard-to-fill offers now").isPositive();
    Label trend = r.lookup("#fig-offers-hard-trend").queryAs(Label.class);
    assertThat(trend.getText()).startsWith("▲");
    assertThat(trend.getStyleClass()).contains("trend-bad");
    assertThat(trend.getStyle()).contains("danger");
    assertThat(ChartCard.trendClass(3L, false)).isEqualTo("trend-good");
    assertThat(ChartCard.trendClass(-3L, false)).isEqualTo("trend-bad");
    assertThat(ChartCard.trendClass(-3L, true)).isEqualTo("trend-good");
    assertThat(ChartCard.trendClass(0L, true)).isEqualTo("trend-flat");
  }

  @Test
  void axesSpeakFrench(FxRobot r) throws Exception {
    shown();
    var vm = view.viewModel();
    // January: the fixture's paths started then, with their funding schemes
    r.interact(() -> vm.chooseDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            vm.indicators().get().period().to().equals(LocalDate.of(2026, 1, 31))
                && vm.indicators().get().complete());
    WaitForAsyncUtils.waitForFxEvents();
    BarChart<?, ?> offers = r.lookup("#dashboard-offers").lookup(".chart").queryAs(BarChart.class);
    List<String> months =
        offers.getData().get(0).getData().stream().map(d -> (String) d.getXValue()).toList();
    assertThat(months).hasSize(12).contains("janv. 2026", "févr. 2025", "mars 2025");
    assertThat(months).noneMatch(m -> m.matches("\\d{4}-\\d{2}"));
    BarChart<?, ?> training =
        r.lookup("#dashboard-training").lookup(".chart").queryAs(BarChart.class);
    List<String> schemes =
        training.getData().stream()
            .flatMap(series -> ((XYChart.Series<?, ?>) series).getData().stream())
            .map(d -> (String) d.getXValue())
            .distinct()
            .toList();
    assertThat(schemes).isNotEmpty().noneMatch(x -> x.contains("_") || x.equals("NONE"));
  }

  @Test
  void aChartsPngIsDrawnAtPrintResolutionUnderItsTitleAndPeriod(FxRobot r) throws Exception {
    shown();
    ChartCard card = r.lookup("#dashboard-offers").queryAs(ChartCard.class);
    AtomicReference<BufferedImage> picture = new AtomicReference<>();
    r.interact(() -> picture.set(card.picture()));
    double shownWidth = card.chart.getWidth();
    assertThat(picture.get().getWidth())
        .as("drawn again at 300 dpi, not captured at 96")
        .isGreaterThanOrEqualTo((int) (shownWidth * 3));
    Path file = Files.createTempDirectory("dashboard-png").resolve("offres.png");
    AtomicReference<Path> written = new AtomicReference<>();
    r.interact(
        () ->
            view.viewModel()
                .exportPng(DashboardCsv.Chart.OFFERS, picture.get(), file, written::set));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> written.get() != null);
    BufferedImage back = ImageIO.read(file.toFile());
    assertThat(back.getWidth()).isEqualTo(picture.get().getWidth());
    // the title and the period are written above the chart: dark pixels in the top band
    int dark = 0;
    for (int y = 0; y < 60 * 3; y++) {
      for (int x = 0; x < back.getWidth() / 2; x++) {
        if ((back.getRGB(x, y) & 0xff) < 80) {
          dark++;
        }
      }
    }
    assertThat(dark).as("text in the header band").isGreaterThan(500);
    ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
    try (var in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      IIOMetadataNode root =
          (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
      assertThat(phys).as("the resolution is said in the file").isNotNull();
      assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811"); // 300 dpi
    } finally {
      reader.dispose();
    }
    // the export is audited like the CSV's
    assertThat(
            s.audit().list(fr.passerelle.audit.AuditFilter.ALL, 50).stream()
                .map(Object::toString)
                .toList())
        .anySatisfy(e -> assertThat(e).contains("PNG OFFERS"));
  }
}
