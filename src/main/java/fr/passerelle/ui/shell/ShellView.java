package fr.passerelle.ui.shell;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Languages;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.UiContext;
import fr.passerelle.ui.UnsavedChanges;
import fr.passerelle.ui.search.GlobalSearchField;
import fr.passerelle.ui.search.GlobalSearchViewModel;
import fr.passerelle.ui.search.SearchProviders;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window's content: top bar (name, office, global search, settings), navigation rail, the
 * current view, status bar. Ctrl+1…7 jump to an entry, Ctrl+K to the search field.
 */
public final class ShellView {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShellView.class);
  private static final KeyCombination SEARCH =
      new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

  private final UiContext ctx;
  private final List<FeatureView> features;
  private final ShellViewModel vm;
  private final Consumer<Locale> onLanguageChanged;
  private final Path logFile;
  private final Map<String, Node> built = new HashMap<>();
  private final StackPane content = new StackPane();
  private final ToggleGroup navGroup = new ToggleGroup();
  private final BorderPane root = new BorderPane();
  private final GlobalSearchField search;
  private final SessionMenu session;

  /**
   * The signed-in account's menu in the top bar: who it is, change one's password, lock the window
   * (Ctrl+L), switch user.
   */
  public record SessionMenu(
      String who, Runnable changePassword, Runnable lock, Runnable switchUser) {}

  private static final KeyCombination LOCK =
      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

  public ShellView(
      UiContext ctx,
      List<FeatureView> features,
      ShellViewModel vm,
      ObservableList<Task<?>> running,
      Path logFile,
      Consumer<Locale> onLanguageChanged) {
    this(ctx, features, vm, running, logFile, onLanguageChanged, null);
  }

  public ShellView(
      UiContext ctx,
      List<FeatureView> features,
      ShellViewModel vm,
      ObservableList<Task<?>> running,
      Path logFile,
      Consumer<Locale> onLanguageChanged,
      SessionMenu session) {
    this.ctx = ctx;
    this.session = session;
    this.features = List.copyOf(features);
    this.vm = vm;
    this.logFile = logFile;
    this.onLanguageChanged = onLanguageChanged;
    Messages m = ctx.messages();
    this.search =
        new GlobalSearchField(
            new GlobalSearchViewModel(SearchProviders.all(ctx), ctx.tasks(), m),
            m,
            hit -> navigate(hit.destination()));
    root.getStyleClass().add("shell");
    root.setTop(topBar(m));
    root.setLeft(rail(m));
    content.getStyleClass().add("shell-content");
    root.setCenter(content);
    root.setBottom(new StatusBar(vm, m, running, ctx.scope()).node());
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    vm.selectedProperty().addListener((o, a, b) -> show(b.intValue()));
    for (FeatureView f : this.features) {
      f.setNavigator(this::navigate);
    }
  }

  /**
   * Shows the request's target entry (built if needed), then hands it the request; a target this
   * account may not open does nothing, a request the target ignores is logged (a defect: {@code
   * NavigationContractTest}).
   */
  private void navigate(Navigation request) {
    for (FeatureView f : features) {
      if (f.id().equals(request.target())) {
        Runnable go =
            () -> {
              vm.select(f.id());
              if (!(request instanceof Navigation.Show) && !f.show(request)) {
                LOG.warn("The view {} ignored the request {}", f.id(), request);
              }
            };
        if (f.id().equals(vm.selectedId())) {
          go.run(); // the view itself guards its own edits (another candidate's file…)
        } else {
          leaveCurrent(go);
        }
        return;
      }
    }
    LOG.info("No view {} for this account: {} not shown", request.target(), request);
  }

  /** Shows the request's target entry and hands it the request (from outside the shell). */
  public void open(Navigation request) {
    navigate(request);
  }

  public Parent node() {
    return root;
  }

  /** Shows the selected entry and fills the status bar (call once the node is in a scene). */
  public void start() {
    show(vm.selectedProperty().get());
    ((ToggleButton) navGroup.getSelectedToggle()).requestFocus();
    vm.refreshStatus();
  }

  /**
   * Runs {@code then} once the shown view holds no unsaved edits: at once, or after the counselor
   * saved or discarded them; never after Cancel (the view stays).
   */
  private void leaveCurrent(Runnable then) {
    UnsavedChanges.guard(features.get(vm.selectedProperty().get()).unsaved(), ctx.dialogs(), then);
    keepRailOnSelection();
  }

  /**
   * Runs {@code then} once no view holds unsaved edits (closing the window, switching user): each
   * view that does is shown and asked in turn; Cancel stops there and {@code then} never runs.
   */
  public void whenNothingUnsaved(Runnable then) {
    guardFrom(0, then);
  }

  /**
   * The window's close request: nothing to do when no view holds unsaved edits (the window closes);
   * else the request is consumed, each such view asks Save / Discard / Cancel, and {@code close}
   * runs once none is left — never after Cancel.
   */
  public void onCloseRequest(javafx.stage.WindowEvent e, Runnable close) {
    if (!hasUnsaved()) {
      return;
    }
    e.consume();
    whenNothingUnsaved(close);
  }

  /** True when a built view holds unsaved edits. */
  public boolean hasUnsaved() {
    return features.stream()
        .anyMatch(f -> built.containsKey(f.id()) && f.unsaved().pending().isPresent());
  }

  private void guardFrom(int i, Runnable then) {
    if (i == features.size()) {
      then.run();
      return;
    }
    FeatureView f = features.get(i);
    if (!built.containsKey(f.id()) || f.unsaved().pending().isEmpty()) {
      guardFrom(i + 1, then);
      return;
    }
    vm.select(i); // the counselor sees the edits asked about
    UnsavedChanges.guard(f.unsaved(), ctx.dialogs(), () -> guardFrom(i + 1, then));
  }

  /** The rail shows the entry shown (a click the guard cancelled must not leave another lit). */
  private void keepRailOnSelection() {
    ((ToggleButton) navGroup.getToggles().get(vm.selectedProperty().get())).setSelected(true);
  }

  /** Reloads the visible view and the status bar (after background work changed the data). */
  public void refresh() {
    features.get(vm.selectedProperty().get()).onShow();
    vm.refreshStatus();
  }

  private Node topBar(Messages m) {
    Label name = new Label(m.get("app.title"));
    name.getStyleClass().addAll("title-3", "app-name");
    Label office = new Label();
    office.setId("top-office");
    office.getStyleClass().add("text-muted");
    office.textProperty().bind(vm.officeProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(10, name, new Label("·"), office, spacer, search.node());
    if (session != null) {
      bar.getChildren().add(sessionMenu(m));
    }
    bar.getChildren().add(settings(m));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("top-bar");
    return bar;
  }

  private Node sessionMenu(Messages m) {
    MenuButton button = new MenuButton(session.who());
    button.setId("session");
    button.setGraphic(
        new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE));
    button.getStyleClass().add("flat");
    MenuItem password = new MenuItem(m.get("session.changePassword"));
    password.setId("session-password");
    password.setOnAction(e -> session.changePassword().run());
    MenuItem lock = new MenuItem(m.get("session.lock"));
    lock.setId("session-lock");
    lock.setAccelerator(LOCK);
    lock.setOnAction(e -> session.lock().run());
    MenuItem other = new MenuItem(m.get("session.switch"));
    other.setId("session-switch");
    other.setOnAction(e -> whenNothingUnsaved(session.switchUser()));
    button.getItems().addAll(password, lock, new SeparatorMenuItem(), other);
    return button;
  }

  private Node settings(Messages m) {
    MenuButton button = new MenuButton();
    button.setId("settings");
    button.setGraphic(new FontIcon(MaterialDesignC.COG_OUTLINE));
    button.getStyleClass().addAll("flat", "button-icon");
    button.setAccessibleText(m.get("settings.title"));
    button.setTooltip(new Tooltip(m.get("settings.title")));
    MenuItem language = new MenuItem(m.get("settings.language"));
    language.setGraphic(new FontIcon(MaterialDesignT.TRANSLATE));
    language.setDisable(true);
    button.getItems().add(language);
    ToggleGroup group = new ToggleGroup();
    for (Locale l : Languages.ALL) {
      String name = l.getDisplayLanguage(l);
      RadioMenuItem item =
          new RadioMenuItem(name.substring(0, 1).toUpperCase(l) + name.substring(1));
      item.setId("language-" + l.getLanguage());
      item.setToggleGroup(group);
      item.setSelected(l.equals(vm.language()));
      item.setOnAction(
          e -> {
            whenNothingUnsaved(() -> vm.changeLanguage(l, onLanguageChanged));
            // until the shell is rebuilt in the new language (or if cancelled): the current one
            String current = "language-" + vm.language().getLanguage();
            group.getToggles().stream()
                .filter(t -> current.equals(((RadioMenuItem) t).getId()))
                .forEach(t -> t.setSelected(true));
          });
      button.getItems().add(item);
    }
    MenuItem logs = new MenuItem(m.get("settings.logs", logFile == null ? "" : logFile.toString()));
    logs.setDisable(true);
    button.getItems().addAll(new SeparatorMenuItem(), logs);
    return button;
  }

  private Node rail(Messages m) {
    VBox rail = new VBox(4);
    rail.getStyleClass().add("nav-rail");
    for (int i = 0; i < features.size(); i++) {
      FeatureView f = features.get(i);
      int index = i;
      ToggleButton b = new ToggleButton(m.get(f.titleKey()));
      b.setId("nav-" + f.id());
      FontIcon icon = new FontIcon(f.icon());
      icon.setIconSize(22);
      b.setGraphic(icon);
      b.setContentDisplay(ContentDisplay.TOP);
      b.setWrapText(true);
      b.setMaxWidth(Double.MAX_VALUE);
      b.getStyleClass().add("nav-entry");
      b.setToggleGroup(navGroup);
      b.setTooltip(new Tooltip(m.get(f.titleKey()) + " (Ctrl+" + (i + 1) + ")"));
      b.setOnAction(
          e -> {
            if (index == vm.selectedProperty().get()) {
              b.setSelected(true); // a click on the current entry keeps it selected
            } else {
              // the click lit the entry: the current one stays lit while the guard asks
              keepRailOnSelection();
              leaveCurrent(() -> vm.select(index));
            }
          });
      rail.getChildren().add(b);
    }
    return rail;
  }

  private void show(int index) {
    FeatureView f = features.get(index);
    content.getChildren().setAll(node(f));
    ((ToggleButton) navGroup.getToggles().get(index)).setSelected(true);
    f.onShow();
  }

  /** The entry's view, built the first time it is asked for. */
  private Node node(FeatureView f) {
    return built.computeIfAbsent(
        f.id(),
        id -> {
          StackPane holder = new StackPane(f.build());
          holder.setId("view-" + id); // the shell's handle on any feature's view
          return holder;
        });
  }

  /**
   * Builds the other entries' views ahead, one every {@code pause}, once the window shows its first
   * view (issue 20: build only the first view, warm the rest after the first frame): a first click
   * then finds its view built, as later clicks do. A view is built as a click builds it, without
   * {@link FeatureView#onShow} (nothing is read from the database).
   */
  public void warmUp(javafx.util.Duration pause) {
    // only after a whole pause without a key or a click in the window, and while no popup or
    // dialog is open: never while the counselor types or points (a build is a slice of the FX
    // thread, and must not happen under a popup being used, such as the global search's results)
    boolean[] input = {false};
    javafx.event.EventHandler<KeyEvent> keys = e -> input[0] = true;
    javafx.event.EventHandler<javafx.scene.input.MouseEvent> clicks = e -> input[0] = true;
    root.addEventFilter(KeyEvent.ANY, keys);
    root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, clicks);
    javafx.animation.PauseTransition next = new javafx.animation.PauseTransition(pause);
    next.setOnFinished(
        e -> {
          boolean busy =
              input[0]
                  || javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing()).count()
                      > 1;
          input[0] = false;
          java.util.Optional<FeatureView> todo =
              features.stream().filter(f -> !built.containsKey(f.id())).findFirst();
          javafx.scene.Scene window = root.getScene();
          boolean gone =
              window == null || window.getWindow() == null || !window.getWindow().isShowing();
          // all built, or this shell left the window (locked, signed out, language changed,
          // window closed): the warm-up ends
          if (todo.isEmpty() || gone) {
            root.removeEventFilter(KeyEvent.ANY, keys);
            root.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, clicks);
            return;
          }
          if (!busy) {
            prepare(node(todo.get()));
          }
          next.playFromStart();
        });
    next.play();
  }

  /**
   * Gives a view built ahead its styles, skins and first layout in a scene of its own with the
   * window's style sheets: the part of a first show that is not the database's (a calendar's skins
   * are most of it), so that its first click costs what a return costs.
   */
  private void prepare(Node view) {
    javafx.scene.Scene window = root.getScene();
    if (window == null) {
      return;
    }
    javafx.scene.Group holder = new javafx.scene.Group(view);
    javafx.scene.Scene scratch =
        new javafx.scene.Scene(holder, window.getWidth(), window.getHeight());
    scratch.getStylesheets().setAll(window.getStylesheets());
    view.applyCss();
    if (view instanceof Parent p) {
      p.resize(content.getWidth(), content.getHeight());
      p.layout();
    }
    holder.getChildren().clear();
  }

  private void onKey(KeyEvent e) {
    if (session != null && LOCK.match(e)) {
      session.lock().run();
      e.consume();
      return;
    }
    if (SEARCH.match(e)) {
      search.focus();
      e.consume();
      return;
    }
    if (e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
      int n = digit(e.getCode());
      if (n >= 1 && n <= features.size()) {
        e.consume();
        if (n - 1 != vm.selectedProperty().get()) {
          leaveCurrent(() -> vm.select(n - 1));
        }
      }
    }
  }

  private static int digit(KeyCode code) {
    if (code.isDigitKey()) {
      String name = code.getName(); // "1" or "Numpad 1"
      char c = name.charAt(name.length() - 1);
      return Character.isDigit(c) ? c - '0' : -1;
    }
    return -1;
  }
}
