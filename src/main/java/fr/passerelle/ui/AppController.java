package fr.passerelle.ui;

import fr.passerelle.app.Services;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.ui.setup.SetupView;
import fr.passerelle.ui.setup.SetupViewModel;
import fr.passerelle.ui.shell.ShellView;
import fr.passerelle.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's life: a splash while the database opens and migrates (off the FX thread), then the
 * setup dialog on a fresh installation, then the shell; a clear dialog if the database cannot be
 * opened. Rebuilds the shell in place when the language changes.
 */
public final class AppController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppController.class);

  private final Stage stage;
  private final Path dataDir;
  private final Path logFile;
  private final FxTaskRunner tasks = new FxTaskRunner();
  private final SetupViewModel.DemoGenerator demo;
  private final Scene scene;
  private Services services;
  private ShellView shell;
  private ShellViewModel shellVm;
  private Runnable onFirstShown = () -> {};
  private Path syncFile;
  private Runnable onFatal = Platform::exit;
  private String lastNotice = "";

  public AppController(Stage stage, Path dataDir, Path logFile, SetupViewModel.DemoGenerator demo) {
    this.stage = stage;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.demo = demo;
    this.scene = new Scene(splash(new Messages(Messages.FRENCH)), 1280, 800);
    scene.getStylesheets().add(PasserelleApp.class.getResource("shell.css").toExternalForm());
  }

  /** A sync file to import once the shell is shown (a double-clicked .passerelle); null: none. */
  public void openSyncFile(Path file) {
    this.syncFile = file;
  }

  /** Called once, after the shell or the setup dialog is first laid out (start-up benchmark). */
  public void onFirstShown(Runnable r) {
    this.onFirstShown = r;
  }

  /** What closing the "cannot open" dialog does (quits the application; a stand-in in tests). */
  public void onFatal(Runnable r) {
    this.onFatal = r;
  }

  /** Shows the window with the splash and opens the database in the background. */
  public void start() {
    stage.setTitle("Passerelle");
    stage
        .getIcons()
        .add(new Image(PasserelleApp.class.getResource("passerelle.png").toExternalForm()));
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    stage.show();
    tasks.submit("open", p -> Opened.open(dataDir), this::opened, this::failedToOpen);
  }

  /** What the start needs from the database, read off the FX thread. */
  private record Opened(Services services, Locale locale, boolean hasOffice) {
    static Opened open(Path dataDir) {
      Services s = Services.open(dataDir);
      try {
        return new Opened(s, Languages.load(s.settings()), s.offices().current().isPresent());
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
    }
  }

  private void opened(Opened o) {
    services = o.services();
    LOG.info("database opened in {}", dataDir);
    if (o.hasOffice()) {
      showShell(o.locale(), null);
    } else {
      showSetup(o.locale());
    }
  }

  private void failedToOpen(Throwable e) {
    Messages m = new Messages(Messages.FRENCH);
    String detail =
        e instanceof UserFacingException ? e.getMessage() : m.get("error.unexpected", e);
    LOG.error("cannot open the database in {}", dataDir, e);
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(stage);
    alert.setTitle(m.get("app.title"));
    alert.setHeaderText(m.get("error.open.header"));
    Label text = new Label(detail + "\n\n" + m.get("error.open.logs", logFile));
    text.setWrapText(true);
    text.setId("open-error");
    text.setMaxWidth(520);
    alert.getDialogPane().setContent(text);
    alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    alert.setOnHidden(ev -> onFatal.run());
    alert.show();
  }

  private void showSetup(Locale locale) {
    Messages m = new Messages(locale);
    UiContext ctx = new UiContext(services, tasks, m);
    SetupViewModel vm = new SetupViewModel(ctx, demo);
    SetupView view =
        new SetupView(
            vm,
            m,
            () ->
                vm.save(
                    office -> {
                      LOG.info("office set up: {} ({})", office.name(), office.kind());
                      showShell(locale, null);
                      if (vm.demoProperty().get()) {
                        vm.startDemo(this::notify, () -> shell.refresh());
                      }
                    }),
            stage::close);
    setRoot(view.node());
  }

  /** Builds the shell in {@code locale}, showing entry {@code featureId} (the first if null). */
  private void showShell(Locale locale, String featureId) {
    // the libraries' own texts (CalendarFX's "Aujourd'hui", ControlsFX dialogs) follow the UI
    // language; formats stay French whatever the language (UI.md, "Formats")
    Locale.setDefault(locale);
    Locale.setDefault(Locale.Category.FORMAT, Locale.FRANCE);
    Messages m = new Messages(locale);
    UiContext ctx = new UiContext(services, tasks, m);
    List<FeatureView> features = Features.all(ctx);
    shellVm =
        new ShellViewModel(
            ctx, features.stream().map(FeatureView::id).toList(), ZoneId.systemDefault());
    if (featureId != null) {
      shellVm.select(featureId);
    }
    shell =
        new ShellView(
            ctx,
            features,
            shellVm,
            tasks.running(),
            logFile,
            l -> showShell(l, shellVm.selectedId()));
    setRoot(shell.node());
    shell.start();
    if (syncFile != null) {
      LOG.info("Opening the sync file {}", syncFile);
      shell.open("sync", fr.passerelle.sync.ui.SyncView.IMPORT + syncFile);
      syncFile = null;
    }
    tasks.submit(m.get("app.warmUp"), p -> warmUp(), x -> {}, e -> {});
    stage
        .titleProperty()
        .bind(
            shellVm
                .officeProperty()
                .map(o -> o.isEmpty() ? m.get("app.title") : m.get("app.title") + " · " + o));
  }

  private Void warmUp() {
    services.candidates().warmUp();
    return null;
  }

  private void setRoot(Parent root) {
    scene.setRoot(root);
    Runnable first = onFirstShown;
    onFirstShown = () -> {};
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          scene.removePostLayoutPulseListener(listener[0]);
          // what installer/check-deb.sh waits for before its screenshot
          LOG.info("Screen laid out: {}", root.getClass().getSimpleName());
          first.run();
        };
    scene.addPostLayoutPulseListener(listener[0]);
  }

  private void notify(String text) {
    lastNotice = text;
    LOG.info("notice: {}", text);
    Notifications.create().owner(stage).title(stage.getTitle()).text(text).showInformation();
  }

  /** The last notification shown (for tests). */
  public String lastNotice() {
    return lastNotice;
  }

  /** The services once the database is open, else null. */
  public Services services() {
    return services;
  }

  private static Parent splash(Messages m) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(48, 48);
    Label name = new Label(m.get("app.title"));
    name.getStyleClass().add("title-1");
    Label what = new Label(m.get("splash.opening"));
    what.getStyleClass().add("text-muted");
    VBox box = new VBox(16, name, spinner, what);
    box.setAlignment(Pos.CENTER);
    box.setId("splash");
    return box;
  }

  @Override
  public void close() {
    tasks.close();
    if (services != null) {
      services.close();
      services = null;
    }
  }
}
