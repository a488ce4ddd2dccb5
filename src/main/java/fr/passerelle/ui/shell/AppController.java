package fr.passerelle.ui.shell;

import fr.passerelle.accounts.ui.ChangePasswordView;
import fr.passerelle.accounts.ui.ChangePasswordViewModel;
import fr.passerelle.accounts.ui.LockView;
import fr.passerelle.accounts.ui.LockViewModel;
import fr.passerelle.accounts.ui.RecoveryKeyView;
import fr.passerelle.accounts.ui.SignInView;
import fr.passerelle.accounts.ui.SignInViewModel;
import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.security.Principal;
import fr.passerelle.security.SignInService;
import fr.passerelle.security.keys.RecoveryKey;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.FxDialogService;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Languages;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.ShellScope;
import fr.passerelle.ui.TaskRunner;
import fr.passerelle.ui.UiContext;
import fr.passerelle.ui.setup.SetupView;
import fr.passerelle.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's life: a splash while the database opens and migrates (off the FX thread), then the
 * set-up (office and first administrator) on a fresh installation, else the sign-in screen; then
 * the shell of the signed-in account, locked after the idle time (content hidden until the password
 * is typed again), rebuilt for another account ("Changer d'utilisateur") or when the language
 * changes; a clear dialog if the database cannot be opened.
 */
public final class AppController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppController.class);

  /** Between two views the shell builds ahead after its first frame (ShellView.warmUp). */
  private static final javafx.util.Duration WARM_UP_PAUSE = javafx.util.Duration.seconds(1.5);

  private final Stage stage;
  private final WindowPlacement placement;
  private final Path dataDir;
  private final Path logFile;
  private final FxTaskRunner tasks = new FxTaskRunner();
  private final SetupViewModel.DemoGenerator demo;
  private final Scene scene;
  private final impl.org.controlsfx.skin.DecorationPane decorations =
      new impl.org.controlsfx.skin.DecorationPane();

  /** The first start and the sign-in: the database they open, seal or repair. */
  private final SessionGate gate;

  private ShellView shell;

  /** What the shell's views subscribed to, closed when the shell is dropped. */
  private ShellScope shellScope = new ShellScope();

  /** Remembers where the window was when it closes (removed by {@link #close()}). */
  private final javafx.event.EventHandler<javafx.stage.WindowEvent> savePlacement =
      e -> saveWindowPlacement();

  private ShellViewModel shellVm;
  private Runnable onFirstShown = () -> {};
  private Path syncFile;
  private Runnable onFatal = Platform::exit;
  private String lastNotice = "";
  private volatile Locale locale = Messages.FRENCH;
  private volatile String officeName = "";
  private final IdleLock idle;
  private Parent locked;

  /** How the data folder's services are opened (tests: a manual clock, cheaper hashing). */
  @FunctionalInterface
  public interface Opener {
    Services open(Path dataDir);
  }

  public AppController(Stage stage, Path dataDir, Path logFile, SetupViewModel.DemoGenerator demo) {
    this(stage, dataDir, logFile, demo, Vault.standard());
  }

  /** Opens clear folders with {@code opener} and never encrypts them (tests). */
  public AppController(
      Stage stage, Path dataDir, Path logFile, SetupViewModel.DemoGenerator demo, Opener opener) {
    this(stage, dataDir, logFile, demo, Vault.clearOnly((d, recovery) -> opener.open(d)));
  }

  /**
   * Opens the data folder through {@code vault}: an encrypted database after the sign-in, a clear
   * one before it (encrypted at the first sign-in when the vault encrypts).
   */
  public AppController(
      Stage stage, Path dataDir, Path logFile, SetupViewModel.DemoGenerator demo, Vault vault) {
    this.gate = new SessionGate(vault, dataDir);
    this.stage = stage;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.demo = demo;
    // where it was last closed here; else maximised on a 1366×768 laptop, 1280×800 on a larger
    // screen, always within the usable area (an 800 px window put the status bar under the task
    // bar)
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    this.placement =
        WindowPlacement.initial(
            new WindowPlacement.Screen(
                screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight()),
            WindowPlacement.load(dataDir));
    // the scene's root for the window's life: ControlsFX's validation decorations find it instead
    // of putting one in place of the scene's root, whose content, a moment out of the tree, was
    // styled without the theme's colours (#19: ~130 "Could not resolve '-color-…'" warnings)
    decorations.setRoot(splash(new Messages(Messages.FRENCH)));
    this.scene = new Scene(decorations, placement.width(), placement.height());
    scene.getStylesheets().add(PasserelleApp.class.getResource("shell.css").toExternalForm());
    this.idle = new IdleLock(scene, this::lock);
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
    stage.titleProperty().unbind();
    stage.setTitle("Passerelle");
    stage
        .getIcons()
        .add(new Image(PasserelleApp.class.getResource("passerelle.png").toExternalForm()));
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    stage.setX(placement.x());
    stage.setY(placement.y());
    stage.setMaximized(placement.maximized());
    stage.setOnCloseRequest(this::closeRequested);
    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, savePlacement);
    stage.show();
    tasks.submit(
        "open",
        p -> gate.openAtStart(),
        o -> o.ifPresentOrElse(this::opened, this::showSignIn),
        this::failedToOpen);
  }

  /**
   * The window's close button: closes at once when no view holds unsaved edits; else each such view
   * is shown and asks Save / Discard / Cancel, and Cancel keeps the window open. While the window
   * is locked nobody may save or discard for the account: the close waits for the unlock.
   */
  void closeRequested(javafx.stage.WindowEvent e) {
    if (shell == null || !shell.hasUnsaved()) {
      return;
    }
    if (locked != null) {
      e.consume();
      Messages m = new Messages(locale);
      dialogs(m).info(m.get("unsaved.title"), m.get("unsaved.locked"));
      return;
    }
    shell.onCloseRequest(e, stage::close);
  }

  private void opened(SessionGate.Opened o) {
    gate.use(o);
    locale = o.locale();
    officeName = o.office();
    LOG.info("database opened in {}", dataDir);
    Services s = o.services();
    if (!o.hasAccount()) {
      showSetup(
          o.hasOffice()
              ? SetupViewModel.Mode.ADMINISTRATOR_ONLY
              : SetupViewModel.Mode.OFFICE_AND_ADMINISTRATOR);
    } else {
      showSignIn();
    }
    if (s.repairedAtOpen()) {
      notify(new Messages(o.locale()).get("db.repairedAtOpen"));
    }
  }

  /** The sign-in screen (at start, and after "Changer d'utilisateur"). */
  private void showSignIn() {
    idle.stop();
    locked = null;
    Messages m = new Messages(locale);
    stage.titleProperty().unbind();
    stage.setTitle(m.get("app.title"));
    SignInViewModel vm = new SignInViewModel(this::signInGate, tasks, m);
    setRoot(new SignInView(vm, m, officeName, this::signedIn, stage::close).node());
  }

  /**
   * The sign-in, off the FX thread ({@link SessionGate#signIn}): a damaged database offers its way
   * back, a repaired one says so.
   */
  private SignInService.SignedIn signInGate(String login, char[] pw) {
    return gate.signIn(
        login,
        pw,
        new SessionGate.Events() {
          @Override
          public void damaged(DatabaseDamagedException damage) {
            Platform.runLater(() -> failedToOpen(damage));
          }

          @Override
          public void repairedAtOpen() {
            String notice = new Messages(locale).get("db.repairedAtOpen");
            Platform.runLater(() -> AppController.this.notify(notice));
          }
        });
  }

  /** Shows the recovery key made by an encryption, once, then runs {@code then}. */
  private void showRecoveryKeyThen(Runnable then) {
    RecoveryKey key = gate.takeRecoveryKey();
    if (key == null) {
      then.run();
      return;
    }
    Messages m = new Messages(locale);
    setRoot(new RecoveryKeyView(m, dialogs(m), officeName, key.display(), then).node());
  }

  private void signedIn(SignInService.SignedIn s) {
    LOG.info("signed in: {}", s.principal().login());
    if (gate.recoveryKeyToShow()) {
      showRecoveryKeyThen(() -> signedIn(s));
      return;
    }
    if (s.mustChange()) {
      showChangePassword(true, this::enter);
    } else {
      enter();
    }
  }

  /** After the sign-in: the shell, or the office set-up if the installation has none yet. */
  private void enter() {
    tasks.submit(
        new Messages(locale).get("app.warmUp"),
        p -> {
          // an encrypted database was opened by the sign-in: its language and office now
          var office = services().offices().current();
          locale = Languages.load(services().settings());
          officeName = office.map(o -> o.name()).orElse(officeName);
          return office.isPresent();
        },
        hasOffice -> {
          if (hasOffice) {
            showShell(locale, null);
            takeDailyBackup();
          } else {
            showSetup(SetupViewModel.Mode.OFFICE_ONLY);
          }
        },
        this::failedToOpen);
  }

  /** The daily automatic backup, its failure said in a notice. */
  private void takeDailyBackup() {
    DailyBackup.takeIfDue(services(), tasks, new Messages(locale), this::warn);
  }

  /** Choosing a password: required after a reset (else sign out), or asked from the menu. */
  private void showChangePassword(boolean required, Runnable after) {
    Messages m = new Messages(locale);
    Principal p = services().access().principal().orElseThrow();
    ChangePasswordViewModel vm =
        new ChangePasswordViewModel(
            services().signIn(), tasks, m, p.login(), p.firstName(), p.lastName());
    Parent previous = shown();
    setRoot(
        new ChangePasswordView(
                vm,
                m,
                required,
                () -> {
                  notify(m.get("password.changed"));
                  if (required) {
                    after.run();
                  } else {
                    setRoot(previous);
                  }
                },
                required ? this::switchUser : () -> setRoot(previous))
            .node());
  }

  /** Hides the window's content until the signed-in account types its password again. */
  public void lock() {
    if (locked != null || services() == null || services().access().principal().isEmpty()) {
      return;
    }
    idle.stop();
    locked = shown();
    Messages m = new Messages(locale);
    Principal p = services().access().principal().get();
    LockViewModel vm = new LockViewModel(services().signIn(), tasks, m);
    setRoot(
        new LockView(
                vm,
                m,
                p.displayName(),
                () -> {
                  Parent back = locked;
                  locked = null;
                  setRoot(back);
                  startIdleLock();
                },
                this::switchUser)
            .node());
  }

  /** True while the window is locked. */
  public boolean isLocked() {
    return locked != null;
  }

  /**
   * Forgets the shell shown (user switched, language changed, window closed): its views stop
   * following the installation's changes; the next shell gets a scope of its own.
   */
  private void dropShell() {
    shell = null;
    shellScope.close();
    shellScope = new ShellScope();
  }

  /** Ends the session and shows the sign-in screen. */
  private void switchUser() {
    idle.stop();
    locked = null;
    dropShell();
    tasks.submit(
        new Messages(locale).get("session.signingOut"),
        p -> {
          services().signIn().signOut();
          return Boolean.TRUE;
        },
        x -> showSignIn(),
        e -> showSignIn());
  }

  private void startIdleLock() {
    tasks.submit(
        new Messages(locale).get("app.warmUp"),
        p -> services().accounts().idleLock(),
        d -> {
          Services s = services(); // null once the window has closed meanwhile
          if (locked == null && s != null && s.access().principal().isPresent()) {
            idle.start(d);
          }
        },
        e -> LOG.error("idle lock setting", e));
  }

  private void failedToOpen(Throwable e) {
    Messages m = new Messages(Messages.FRENCH);
    new OpenFailure(
            dataDir,
            logFile,
            m,
            dialogs(m),
            tasks,
            gate::repair,
            new OpenFailure.Window() {
              @Override
              public void splash(String doing) {
                decorations.setRoot(AppController.splash(m, doing));
              }

              @Override
              public void reopened(SessionGate.Opened o) {
                opened(o);
              }

              @Override
              public void signIn() {
                showSignIn();
              }

              @Override
              public void notice(String text) {
                AppController.this.notify(text);
              }

              @Override
              public void quit() {
                onFatal.run();
              }
            })
        .failed(e);
  }

  /** The questions and messages of this window, in {@code m}'s language. */
  private DialogService dialogs(Messages m) {
    return new FxDialogService(m, () -> stage);
  }

  private void showSetup(SetupViewModel.Mode mode) {
    Messages m = new Messages(locale);
    UiContext ctx = new UiContext(services(), tasks, m, dialogs(m));
    SetupViewModel vm = new SetupViewModel(ctx, demo, mode, gate.officeServers());
    vm.onAdministratorCreated(pw -> gate.sealWith(pw));
    // a workstation joining the office's installation on the server: signed in there
    vm.onJoined(this::signedIn);
    SetupView view =
        new SetupView(
            vm,
            m,
            () ->
                vm.save(
                    office -> {
                      LOG.info("office set up: {} ({})", office.name(), office.kind());
                      officeName = office.name();
                      showRecoveryKeyThen(
                          () -> {
                            showShell(locale, null);
                            if (vm.demoProperty().get()) {
                              vm.startDemo(services(), this::notify, () -> shell.refresh());
                            }
                          });
                    }),
            stage::close);
    setRoot(view.node());
  }

  /** Builds the shell in {@code locale}, showing entry {@code featureId} (the first if null). */
  private void showShell(Locale locale, String featureId) {
    // the libraries' own texts (CalendarFX's "Aujourd'hui", ControlsFX dialogs) follow the UI
    // language; formats stay French whatever the language (docs/ui-guidelines.md, "Formats")
    Locale.setDefault(locale);
    Locale.setDefault(Locale.Category.FORMAT, Locale.FRANCE);
    Messages m = new Messages(locale);
    dropShell();
    UiContext ctx = new UiContext(services(), tasks, m, dialogs(m), shellScope);
    List<FeatureView> features = Features.visible(ctx);
    Principal who = services().access().principal().orElseThrow();
    if (features.isEmpty()) {
      showNoRole(m, who);
      return;
    }
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
            l -> showShell(l, shellVm.selectedId()),
            new ShellView.SessionMenu(
                who.displayName(),
                () -> showChangePassword(false, () -> {}),
                this::lock,
                this::switchUser));
    this.locale = locale;
    setRoot(shell.node());
    shell.start();
    shell.warmUp(WARM_UP_PAUSE);
    startIdleLock();
    if (syncFile != null) {
      LOG.info("Opening the sync file {}", syncFile);
      shell.open(new fr.passerelle.ui.Navigation.ImportSyncFile(syncFile));
      syncFile = null;
    }
    tasks.submit(
        m.get("app.warmUp"), p -> warmUp(), x -> {}, TaskRunner.logged("The search warm-up"));
    stage
        .titleProperty()
        .bind(
            shellVm
                .officeProperty()
                .map(o -> o.isEmpty() ? m.get("app.title") : m.get("app.title") + " · " + o));
  }

  /** An account without any role: nothing to show but the way out. */
  private void showNoRole(Messages m, Principal who) {
    Label text = new Label(m.get("session.noRole", who.displayName()));
    text.setWrapText(true);
    text.setId("no-role");
    javafx.scene.control.Button out = new javafx.scene.control.Button(m.get("session.switch"));
    out.setOnAction(e -> switchUser());
    VBox box = new VBox(16, text, out);
    box.setAlignment(Pos.CENTER);
    box.setMaxWidth(480);
    setRoot(new javafx.scene.layout.StackPane(box));
  }

  private Void warmUp() {
    services().candidateSearch().warmUp();
    return null;
  }

  /** What the window shows now (under the decorations' pane). */
  private Parent shown() {
    return (Parent) decorations.getChildren().get(0);
  }

  private void setRoot(Parent root) {
    decorations.setRoot(root);
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

  /** A notification of something that went wrong but lost nothing (the warning sign). */
  private void warn(String text) {
    lastNotice = text;
    LOG.warn("notice: {}", text);
    Notifications.create().owner(stage).title(stage.getTitle()).text(text).showWarning();
  }

  /** The last notification shown (for tests). */
  public String lastNotice() {
    return lastNotice;
  }

  /** The services once the database is open, else null. */
  public Services services() {
    return gate.services();
  }

  private static Parent splash(Messages m) {
    return splash(m, m.get("splash.opening"));
  }

  private static Parent splash(Messages m, String doing) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(48, 48);
    Label name = new Label(m.get("app.title"));
    name.getStyleClass().add("title-1");
    Label what = new Label(doing);
    what.getStyleClass().add("text-muted");
    VBox box = new VBox(16, name, spinner, what);
    box.setAlignment(Pos.CENTER);
    box.setId("splash");
    return box;
  }

  private void saveWindowPlacement() {
    new WindowPlacement(
            stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
        .save(dataDir);
  }

  @Override
  public void close() {
    idle.stop();
    dropShell();
    stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, savePlacement);
    tasks.close();
    gate.close();
  }
}
