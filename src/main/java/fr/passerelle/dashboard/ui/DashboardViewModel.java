package fr.passerelle.dashboard.ui;

import fr.passerelle.dashboard.DashboardCsv;
import fr.passerelle.dashboard.DashboardReport;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.Period;
import fr.passerelle.dashboard.Period.Preset;
import fr.passerelle.office.Office;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.Navigator;
import fr.passerelle.ui.UiContext;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the dashboard: the period (preset or custom), the office filter, the indicators of the
 * last refresh. Every database call goes through the task runner.
 */
public final class DashboardViewModel {
  private final fr.passerelle.dashboard.StatsService stats;
  private final fr.passerelle.office.OfficeService officeService;
  private final fr.passerelle.ui.TaskRunner tasks;
  private final fr.passerelle.ui.Messages msg;
  private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.THIS_MONTH);
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final ObjectProperty<Office> office = new SimpleObjectProperty<>();
  private long requests;
  private final ObservableList<Office> offices = FXCollections.observableArrayList();
  private final ObjectProperty<Indicators> indicators = new SimpleObjectProperty<>();
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty();
  private final StringProperty info = new SimpleStringProperty();
  private final LongProperty refreshMillis = new SimpleLongProperty();
  private Navigator navigator = request -> {};

  /** Built from the window's context: what it uses of it. */
  public DashboardViewModel(UiContext ctx) {
    this(ctx.services().stats(), ctx.services().offices(), ctx.tasks(), ctx.messages());
  }

  public DashboardViewModel(
      fr.passerelle.dashboard.StatsService stats,
      fr.passerelle.office.OfficeService officeService,
      fr.passerelle.ui.TaskRunner tasks,
      fr.passerelle.ui.Messages msg) {
    this.stats = stats;
    this.officeService = officeService;
    this.tasks = tasks;
    this.msg = msg;
    Period p = Period.of(Preset.THIS_MONTH, stats.today());
    from.set(p.from());
    to.set(p.to());
  }

  /** Loads the offices of the filter, then the indicators. */
  public void start() {
    tasks.submit(
        msg.get("dashboard.loading"),
        pr -> officeService.all(),
        list -> {
          offices.setAll(list);
          refresh();
        },
        this::fail);
  }

  /** Chooses a preset period (CUSTOM keeps the dates) and refreshes. */
  public void choosePreset(Preset p) {
    preset.set(p);
    if (p != Preset.CUSTOM) {
      Period period = Period.of(p, stats.today());
      from.set(period.from());
      to.set(period.to());
    }
    refresh();
  }

  /** Sets custom dates and refreshes (refused with a message when the end is before the start). */
  public void chooseDates(LocalDate f, LocalDate t) {
    preset.set(Preset.CUSTOM);
    from.set(f);
    to.set(t);
    refresh();
  }

  public void chooseOffice(Office o) {
    office.set(o);
    refresh();
  }

  public void refresh() {
    LocalDate f = from.get();
    LocalDate t = to.get();
    if (f == null || t == null) {
      error.set(msg.get("dashboard.error.dates"));
      return;
    }
    if (t.isBefore(f)) {
      error.set(msg.get("dashboard.error.endBeforeStart", t, f));
      return;
    }
    error.set(null);
    loading.set(true);
    Period period = new Period(f, t);
    Office o = office.get();
    java.util.UUID officeId = o == null ? null : o.id();
    long started = System.nanoTime();
    long request = ++requests;
    // first what needs no pass over the whole candidate pool, then the rest (ADR 0209); a later
    // request (another period or office) supersedes this one: the figures shown are always those
    // of the filter shown, whatever order the tasks end in
    fetch(
        request,
        "dashboard.loading",
        pr -> stats.firstIndicators(period, officeId),
        first -> {
          indicators.set(first);
          if (first.complete()) {
            done(started);
          } else {
            fetch(
                request,
                "dashboard.loading.pool",
                pr -> stats.indicators(period, officeId),
                all -> {
                  indicators.set(all);
                  done(started);
                });
          }
        });
  }

  private void fetch(
      long request,
      String title,
      fr.passerelle.ui.TaskRunner.Work<Indicators> work,
      Consumer<Indicators> then) {
    tasks.submit(
        msg.get(title),
        work,
        ind -> {
          if (request == requests) {
            then.accept(ind);
          }
        },
        e -> {
          if (request == requests) {
            fail(e);
          }
        });
  }

  private void done(long started) {
    loading.set(false);
    refreshMillis.set((System.nanoTime() - started) / 1_000_000);
  }

  /** Writes the data of one chart as Excel-FR CSV. */
  public void exportCsv(DashboardCsv.Chart chart, Path file, Consumer<Path> done) {
    Indicators ind = indicators.get();
    if (ind == null || !ind.complete()) {
      info.set(msg.get("dashboard.notYet"));
      return;
    }
    tasks.submit(
        msg.get("dashboard.export"),
        pr -> {
          stats.exporting("CSV " + chart.name(), file.toString());
          try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            DashboardCsv.write(chart, ind, w);
          }
          return file;
        },
        p -> {
          info.set(msg.get("dashboard.saved", p.getFileName()));
          done.accept(p);
        },
        this::fail);
  }

  /**
   * Writes a chart's picture ({@link ChartCard#picture}, at print resolution) as a PNG, once the
   * export is allowed and audited like the CSV's.
   */
  public void exportPng(
      DashboardCsv.Chart chart,
      java.awt.image.BufferedImage picture,
      Path file,
      Consumer<Path> done) {
    tasks.submit(
        msg.get("dashboard.export"),
        pr -> {
          stats.exporting("PNG " + chart.name(), file.toString());
          ChartCard.writePng(picture, file);
          return file;
        },
        p -> {
          info.set(msg.get("dashboard.saved", p.getFileName()));
          done.accept(p);
        },
        this::fail);
  }

  /** Writes the one-page PDF report of the current indicators. */
  public void exportPdf(Path file, Consumer<Path> done) {
    Indicators ind = indicators.get();
    if (ind == null || !ind.complete()) {
      info.set(msg.get("dashboard.notYet"));
      return;
    }
    String scope = office.get() == null ? msg.get("dashboard.allOffices") : office.get().name();
    LocalDate today = stats.today();
    tasks.submit(
        msg.get("dashboard.export"),
        pr -> {
          stats.exporting("PDF report", file.toString());
          try (OutputStream out = Files.newOutputStream(file)) {
            new DashboardReport().write(ind, scope, today, out);
          }
          return file;
        },
        p -> {
          info.set(msg.get("dashboard.saved", p.getFileName()));
          done.accept(p);
        },
        this::fail);
  }

  /** Opens the list behind a figure through the shell (the target view must apply it). */
  public void openList(Navigation request) {
    navigator.open(request);
  }

  /** Set by the shell (see {@link fr.passerelle.ui.FeatureView#setNavigator}). */
  public void setNavigator(Navigator navigator) {
    this.navigator = navigator;
  }

  private void fail(Throwable e) {
    loading.set(false);
    error.set(msg.describe(e));
  }

  public ObjectProperty<Preset> preset() {
    return preset;
  }

  public ObjectProperty<LocalDate> from() {
    return from;
  }

  public ObjectProperty<LocalDate> to() {
    return to;
  }

  public ObjectProperty<Office> office() {
    return office;
  }

  public ObservableList<Office> offices() {
    return offices;
  }

  public ObjectProperty<Indicators> indicators() {
    return indicators;
  }

  public BooleanProperty loading() {
    return loading;
  }

  public StringProperty error() {
    return error;
  }

  public StringProperty info() {
    return info;
  }

  public LongProperty refreshMillis() {
    return refreshMillis;
  }
}
