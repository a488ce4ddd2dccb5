package fr.passerelle.dashboard.ui;

import fr.passerelle.dashboard.DashboardCsv.Chart;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.MonthPoint;
import fr.passerelle.dashboard.Period.Preset;
import fr.passerelle.dashboard.SchemeRow;
import fr.passerelle.office.Office;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.Navigator;
import fr.passerelle.ui.UiContext;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The partnership's dashboard: four axes, each with figures, trend, chart and exports. */
public final class DashboardView implements FeatureView {
  private final UiContext ctx;
  private final Messages m;
  private final DashboardViewModel vm;
  private ChartCard offers;
  private ChartCard sourcing;
  private ChartCard meetings;
  private ChartCard training;

  public DashboardView(UiContext ctx) {
    this.ctx = ctx;
    this.m = ctx.messages();
    this.vm = new DashboardViewModel(ctx);
  }

  public DashboardViewModel viewModel() {
    return vm;
  }

  @Override
  public String id() {
    return "dashboard";
  }

  @Override
  public String titleKey() {
    return "dashboard.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignV.VIEW_DASHBOARD_OUTLINE;
  }

  @Override
  public Node build() {
    ComboBox<Preset> preset = new ComboBox<>(FXCollections.observableArrayList(Preset.values()));
    preset.setId("dashboard-preset");
    preset.setConverter(converter(p -> m.get("dashboard.preset." + p.name())));
    preset.valueProperty().bindBidirectional(vm.preset());
    preset.setOnAction(e -> vm.choosePreset(preset.getValue()));
    DatePicker from = new DatePicker();
    from.setId("dashboard-from");
    DatePicker to = new DatePicker();
    to.setId("dashboard-to");
    from.valueProperty().bindBidirectional(vm.from());
    to.valueProperty().bindBidirectional(vm.to());
    Button apply = new Button(m.get("dashboard.apply"));
    apply.setId("dashboard-apply");
    apply.setOnAction(e -> vm.chooseDates(from.getValue(), to.getValue()));
    ComboBox<Office> office = new ComboBox<>();
    office.setId("dashboard-office");
    office.setPromptText(m.get("dashboard.allOffices"));
    office.getItems().add(null);
    vm.offices()
        .addListener(
            (javafx.collections.ListChangeListener<Office>)
                c -> {
                  // replacing the items moves the selection for a moment: not a user's choice
                  Office keep = vm.office().get();
                  EventHandler<ActionEvent> onAction = office.getOnAction();
                  office.setOnAction(null);
                  office.getItems().setAll(vm.offices());
                  office.getItems().add(0, null);
                  office.setValue(keep);
                  office.setOnAction(onAction);
                });
    office.setConverter(converter(o -> o == null ? m.get("dashboard.allOffices") : o.name()));
    office.setButtonCell(
        new ListCell<>() {
          @Override
          protected void updateItem(Office o, boolean empty) {
            super.updateItem(o, empty);
            setText(o == null ? m.get("dashboard.allOffices") : o.name());
          }
        });
    office.setOnAction(
        e -> {
          if (office.getValue() != vm.office().get()) {
            vm.chooseOffice(office.getValue());
          }
        });
    Button refresh = new Button(m.get("dashboard.refresh"));
    refresh.setOnAction(e -> vm.refresh());
    Button print = new Button(m.get("dashboard.print"));
    print.setId("dashboard-print");
    print.setOnAction(e -> printPdf());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.loading());
    // groups that wrap to a second line when the window is narrow; no control is ever narrower
    // than its text (a FlowPane gives each group its preferred width)
    HBox periodGroup = group(new Label(m.get("dashboard.period")), preset, from, to, apply);
    HBox officeGroup = group(new Label(m.get("dashboard.office")), office, busy);
    HBox actions = group(refresh, print);
    FlowPane bar = new FlowPane(24, 8, periodGroup, officeGroup, actions);
    bar.setId("dashboard-toolbar");
    bar.setPadding(new Insets(8));
    Label error = new Label();
    error.setId("dashboard-error");
    error.textProperty().bind(vm.error());
    error.setStyle("-fx-text-fill: -color-danger-fg;");
    Label info = new Label();
    info.setId("dashboard-info");
    info.textProperty().bind(vm.info());
    Label compared = new Label();
    compared.setId("dashboard-compared");
    compared.getStyleClass().add("text-muted");
    compared.setWrapText(true);
    compared.textProperty().bind(vm.indicators().map(this::comparedText).orElse(""));
    offers =
        new ChartCard(
            "dashboard-offers",
            m.get("dashboard.axis.offers"),
            m,
            ctx.dialogs(),
            p -> vm.exportCsv(Chart.OFFERS, p, x -> {}),
            this::caption,
            (p, picture) -> vm.exportPng(Chart.OFFERS, picture, p, x -> {}));
    sourcing =
        new ChartCard(
            "dashboard-sourcing",
            m.get("dashboard.axis.sourcing"),
            m,
            ctx.dialogs(),
            p -> vm.exportCsv(Chart.SOURCING, p, x -> {}),
            this::caption,
            (p, picture) -> vm.exportPng(Chart.SOURCING, picture, p, x -> {}));
    meetings =
        new ChartCard(
            "dashboard-meetings",
            m.get("dashboard.axis.meetings"),
            m,
            ctx.dialogs(),
            p -> vm.exportCsv(Chart.MEETINGS, p, x -> {}),
            this::caption,
            (p, picture) -> vm.exportPng(Chart.MEETINGS, picture, p, x -> {}));
    training =
        new ChartCard(
            "dashboard-training",
            m.get("dashboard.axis.training"),
            m,
            ctx.dialogs(),
            p -> vm.exportCsv(Chart.TRAINING, p, x -> {}),
            this::caption,
            (p, picture) -> vm.exportPng(Chart.TRAINING, picture, p, x -> {}));
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(10);
    grid.setPadding(new Insets(0, 8, 8, 8));
    ColumnConstraints half = new ColumnConstraints();
    half.setPercentWidth(50);
    grid.getColumnConstraints().addAll(half, half);
    grid.add(offers, 0, 0);
    grid.add(sourcing, 1, 0);
    grid.add(meetings, 0, 1);
    grid.add(training, 1, 1);
    vm.indicators().addListener((o, a, ind) -> show(ind));
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    BorderPane root = new BorderPane(scroll);
    root.setId("dashboard-view");
    VBox top = new VBox(4, bar, compared, new HBox(12, error, info));
    top.setPadding(new Insets(0, 0, 6, 0));
    VBox.setMargin(compared, new Insets(0, 8, 0, 8));
    root.setTop(top);
    fr.passerelle.ui.Shortcuts.of(root).on(KeyCode.P, () -> printPdf());
    return root;
  }

  @Override
  public void setNavigator(Navigator navigator) {
    vm.setNavigator(navigator);
  }

  @Override
  public void onShow() {
    if (vm.offices().isEmpty()) {
      vm.start();
    } else {
      vm.refresh();
    }
  }

  /** What a chart's picture covers: the office and the days counted and compared. */
  private String caption() {
    Indicators ind = vm.indicators().get();
    String office =
        vm.office().get() == null ? m.get("dashboard.allOffices") : vm.office().get().name();
    return ind == null ? office : office + " · " + comparedText(ind);
  }

  /** Which days the figures count, and which days their trends compare them with. */
  private String comparedText(Indicators ind) {
    var day = fr.passerelle.core.DateFormats.DAY;
    boolean toDate = !ind.period().to().isEqual(vm.to().get());
    return m.get(
        toDate ? "dashboard.compared.toDate" : "dashboard.compared",
        day.format(ind.period().from()),
        day.format(ind.period().to()),
        day.format(ind.previous().from()),
        day.format(ind.previous().to()));
  }

  private void printPdf() {
    ctx.dialogs()
        .saveFile(
            fr.passerelle.ui.DialogService.FileChoice.of(
                    "dashboard-export", m.get("dashboard.print"))
                .named("tableau-de-bord.pdf")
                .filter("PDF", "*.pdf"))
        .ifPresent(f -> vm.exportPdf(f, p -> {}));
  }

  private void show(Indicators ind) {
    if (ind == null) {
      return;
    }
    var f = ind.figures();
    offers.clearFigures();
    offers.figure(
        "fig-offers-ft",
        m.get("dashboard.fig.offersFt"),
        f.get("offers.franceTravail"),
        lowerIsBetter("offers.franceTravail"),
        () -> vm.openList(new Navigation.OffersBySource("FRANCE_TRAVAIL")));
    offers.figure(
        "fig-offers-ta",
        m.get("dashboard.fig.offersTa"),
        f.get("offers.tempAgency"),
        lowerIsBetter("offers.tempAgency"),
        () -> vm.openList(new Navigation.OffersBySource("TEMP_AGENCY")));
    offers.figure(
        "fig-offers-hard",
        m.get("dashboard.fig.offersHard"),
        f.get("offers.hardToFill"),
        lowerIsBetter("offers.hardToFill"),
        () -> vm.openList(new Navigation.HardToFillOffers()));
    offers
        .chart
        .getData()
        .setAll(
            series(m.get("dashboard.series.ft"), ind, 0),
            series(m.get("dashboard.series.ta"), ind, 1));
    if (f.containsKey("offers.hardToFill")) {
      offers.chart.getData().add(series(m.get("dashboard.series.hard"), ind, 2));
    }
    sourcing.clearFigures();
    sourcing.figure(
        "fig-lists",
        m.get("dashboard.fig.inLists"),
        f.get("sourcing.candidates"),
        lowerIsBetter("sourcing.candidates"),
        () -> vm.openList(new Navigation.Show("lists")));
    boolean computing = !f.containsKey("sourcing.candidates");
    sourcing.rate(
        "fig-lists-priority",
        m.get("dashboard.fig.priorityShare"),
        ind.priorityShareInLists(),
        computing);
    sourcing.rate(
        "fig-lists-rqth", m.get("dashboard.fig.rqthShare"), ind.rqthShareInLists(), computing);
    sourcing.figure(
        "fig-pool",
        m.get("dashboard.fig.pool"),
        f.get("pool.candidates"),
        lowerIsBetter("pool.candidates"),
        () -> vm.openList(new Navigation.Show("candidates")));
    XYChart.Series<String, Number> prio = new XYChart.Series<>();
    prio.setName(m.get("dashboard.series.priority"));
    XYChart.Series<String, Number> rqth = new XYChart.Series<>();
    rqth.setName(m.get("dashboard.series.rqth"));
    String lists = m.get("dashboard.cat.lists");
    String pool = m.get("dashboard.cat.pool");
    prio.getData().add(new XYChart.Data<>(lists, nz(ind.priorityShareInLists())));
    prio.getData().add(new XYChart.Data<>(pool, nz(ind.priorityShareInPool())));
    rqth.getData().add(new XYChart.Data<>(lists, nz(ind.rqthShareInLists())));
    rqth.getData().add(new XYChart.Data<>(pool, nz(ind.rqthShareInPool())));
    if (computing) {
      sourcing.chart.getData().clear();
    } else {
      sourcing.chart.getData().setAll(prio, rqth);
    }
    meetings.clearFigures();
    meetings.figure(
        "fig-meetings-held",
        m.get("dashboard.fig.held"),
        f.get("meetings.held"),
        lowerIsBetter("meetings.held"),
        () -> vm.openList(new Navigation.MeetingsWithStatus("HELD")));
    meetings.figure(
        "fig-meetings-present",
        m.get("dashboard.fig.present"),
        f.get("meetings.present"),
        lowerIsBetter("meetings.present"),
        null);
    meetings.rate("fig-attendance", m.get("dashboard.fig.attendance"), ind.attendanceRate(), false);
    String now = m.get("dashboard.cat.period");
    String before = m.get("dashboard.cat.previous");
    var ms = new java.util.ArrayList<XYChart.Series<String, Number>>();
    for (String k : new String[] {"meetings.held", "meetings.registered", "meetings.present"}) {
      XYChart.Series<String, Number> s = new XYChart.Series<>();
      s.setName(m.get("dashboard.series." + k));
      s.getData().add(new XYChart.Data<>(now, f.get(k).value()));
      s.getData().add(new XYChart.Data<>(before, f.get(k).previous()));
      ms.add(s);
    }
    meetings.chart.getData().setAll(ms);
    training.clearFigures();
    training.figure(
        "fig-started",
        m.get("dashboard.fig.started"),
        f.get("training.started"),
        lowerIsBetter("training.started"),
        () -> vm.openList(new Navigation.TrainingBoard("IN_TRAINING")));
    training.figure(
        "fig-completed",
        m.get("dashboard.fig.completed"),
        f.get("training.completed"),
        lowerIsBetter("training.completed"),
        () -> vm.openList(new Navigation.TrainingBoard("COMPLETED")));
    training.figure(
        "fig-employed",
        m.get("dashboard.fig.employed"),
        f.get("training.employedSixMonths"),
        lowerIsBetter("training.employedSixMonths"),
        () -> vm.openList(new Navigation.TrainingBoard("EMPLOYED")));
    var ts = new java.util.ArrayList<XYChart.Series<String, Number>>();
    String[] names = {"started", "completed", "employed"};
    for (int i = 0; i < 3; i++) {
      XYChart.Series<String, Number> s = new XYChart.Series<>();
      s.setName(m.get("dashboard.series." + names[i]));
      for (SchemeRow r : ind.trainingByScheme()) {
        long v = i == 0 ? r.started() : i == 1 ? r.completed() : r.employedSixMonths();
        s.getData().add(new XYChart.Data<>(schemeLabel(r.scheme()), v));
      }
      ts.add(s);
    }
    training.chart.getData().setAll(ts);
  }

  private static HBox group(Node... nodes) {
    for (Node n : nodes) {
      if (n instanceof Region r) {
        r.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    HBox box = new HBox(8, nodes);
    box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    box.setMinWidth(Region.USE_PREF_SIZE);
    return box;
  }

  private static double nz(Double d) {
    return d == null ? 0 : d;
  }

  /** The month on the chart's axis, in French whatever the language: "janv. 2026". */
  static final java.time.format.DateTimeFormatter MONTH =
      fr.passerelle.core.DateFormats.monthYear(java.util.Locale.FRANCE);

  private static XYChart.Series<String, Number> series(String name, Indicators ind, int which) {
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (MonthPoint p : ind.offersByMonth()) {
      long v = which == 0 ? p.franceTravail() : which == 1 ? p.tempAgency() : p.hardToFill();
      s.getData().add(new XYChart.Data<>(MONTH.format(p.month()), v));
    }
    return s;
  }

  private static boolean lowerIsBetter(String key) {
    return fr.passerelle.dashboard.StatsService.LOWER_IS_BETTER.contains(key);
  }

  /** A funding scheme on the chart's axis: its short name in words, not its code. */
  private String schemeLabel(String scheme) {
    return m.get("dashboard.scheme." + scheme);
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
    return fr.passerelle.ui.Converters.of(f);
  }
}
