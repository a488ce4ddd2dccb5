package fr.passerelle.sync.ui;

import fr.passerelle.sync.Peer;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.UiContext;
import java.io.File;
import java.time.Duration;
import java.time.OffsetDateTime;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Sync view: peers, prepare and import files, the import report, conflicts, the digest. */
public final class SyncView implements FeatureView {
  private final UiContext ctx;
  private final Messages m;
  private SyncViewModel vm;

  public SyncView(UiContext ctx) {
    this.ctx = ctx;
    this.m = ctx.messages();
  }

  @Override
  public String id() {
    return "sync";
  }

  @Override
  public String titleKey() {
    return "sync.title";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignS.SYNC;
  }

  public SyncViewModel viewModel() {
    return vm;
  }

  @Override
  public Node build() {
    vm = new SyncViewModel(ctx.services().sync(), ctx.tasks(), m);
    Label title = new Label(m.get("sync.title"));
    title.getStyleClass().add("title-2");
    Label identity = new Label();
    identity.textProperty().bind(vm.identity());
    identity.setWrapText(true);
    identity.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the fingerprint whole

    TableView<Peer> peers = peersTable();
    ComboBox<Peer> target = new ComboBox<>();
    target.setId("sync-target");
    target.getItems().add(SyncViewModel.ALL);
    vm.peers()
        .addListener(
            (javafx.collections.ListChangeListener<Peer>)
                c -> {
                  target.getItems().setAll(SyncViewModel.ALL);
                  vm.peers().stream().filter(p -> !p.revoked()).forEach(target.getItems()::add);
                  target.getSelectionModel().selectFirst();
                });
    target.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Peer p) {
            return p == null ? m.get("sync.target.all") : p.office() + " — " + p.organisation();
          }

          @Override
          public Peer fromString(String s) {
            return null;
          }
        });
    target.setButtonCell(
        new ListCell<>() {
          @Override
          protected void updateItem(Peer p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty ? "" : target.getConverter().toString(p));
          }
        });
    CheckBox full = new CheckBox(m.get("sync.export.full"));
    Button prepare = new Button(m.get("sync.export.button"));
    prepare.setId("sync-prepare");
    prepare.setDefaultButton(false);
    prepare.disableProperty().bind(vm.busy());
    prepare.setOnAction(
        e -> {
          DirectoryChooser dc = new DirectoryChooser();
          dc.setTitle(m.get("sync.export.choose"));
          File dir = dc.showDialog(prepare.getScene().getWindow());
          if (dir != null) {
            vm.prepare(target.getValue(), full.isSelected(), dir.toPath());
          }
        });
    Button importButton = new Button(m.get("sync.import.button"));
    importButton.setId("sync-import");
    importButton.disableProperty().bind(vm.busy());
    importButton.setOnAction(
        e -> {
          FileChooser fc = new FileChooser();
          fc.setTitle(m.get("sync.import.choose"));
          fc.getExtensionFilters()
              .add(new FileChooser.ExtensionFilter(m.get("sync.file.kind"), "*.passerelle"));
          File f = fc.showOpenDialog(importButton.getScene().getWindow());
          if (f != null) {
            vm.importFile(f.toPath());
          }
        });
    Label drop = new Label(m.get("sync.import.drop"));
    drop.getStyleClass().add("text-muted");
    drop.setPadding(new Insets(12));
    drop.setStyle("-fx-border-color: #d0d7de; -fx-border-style: dashed;");
    drop.setMaxWidth(Double.MAX_VALUE);
    HBox actions = new HBox(8, target, full, prepare, importButton);
    actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    Label message = new Label();
    message.setWrapText(true);
    message.textProperty().bind(vm.message());
    vm.error().addListener((o, was, is) -> message.setStyle(is ? "-fx-text-fill: #cf222e;" : ""));

    Button digestButton = new Button(m.get("sync.digest.button"));
    Label digest = new Label();
    digest.setId("sync-digest");
    digest.textProperty().bind(vm.digest());
    digest.setStyle("-fx-font-family: monospace; -fx-font-size: 1.2em;");
    digestButton.setOnAction(e -> vm.computeDigest());
    Button checkButton = new Button(m.get("sync.check.button"));
    checkButton.setId("sync-check");
    checkButton.disableProperty().bind(vm.busy());
    checkButton.setOnAction(e -> vm.checkDatabase());

    CheckBox watch = new CheckBox(m.get("sync.watch.label"));
    Label watched = new Label();
    watch.setOnAction(
        e -> {
          if (watch.isSelected()) {
            File dir = new DirectoryChooser().showDialog(watch.getScene().getWindow());
            if (dir == null) {
              watch.setSelected(false);
              return;
            }
            vm.watchedFolder().set(dir.toPath());
            watched.setText(dir.toString());
          } else {
            vm.watchedFolder().set(null);
            watched.setText("");
          }
        });
    Timeline poll =
        new Timeline(new KeyFrame(javafx.util.Duration.seconds(15), e -> vm.pollWatchedFolder()));
    poll.setCycleCount(Timeline.INDEFINITE);
    poll.play();

    VBox top =
        new VBox(
            8,
            title,
            identity,
            peers,
            actions,
            drop,
            message,
            new HBox(8, digestButton, digest, checkButton),
            new HBox(8, watch, watched));
    top.setPadding(new Insets(12));
    VBox.setVgrow(peers, Priority.ALWAYS);

    ImportReportPane reportPane = new ImportReportPane(m, vm);
    ConflictPane conflictPane = new ConflictPane(m, vm);
    Tab reportTab = new Tab(m.get("sync.report.title"), reportPane.build());
    Tab refusedTab = new Tab(m.get("sync.quarantine.title"), new QuarantinePane(m, vm).build());
    refusedTab.setId("sync-refused-tab");
    vm.refused()
        .addListener(
            (javafx.collections.ListChangeListener<Object>)
                c ->
                    refusedTab.setText(
                        vm.refused().isEmpty()
                            ? m.get("sync.quarantine.title")
                            : m.get("sync.quarantine.titleCount", vm.refused().size())));
    TabPane reportTabs = new TabPane(reportTab, refusedTab);
    reportTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    TitledPane conflictBox = new TitledPane(m.get("sync.conflicts.title"), conflictPane.build());
    conflictBox.setCollapsible(false);
    SplitPane bottom = new SplitPane(reportTabs, conflictBox);
    bottom.setDividerPositions(0.5);
    SplitPane split = new SplitPane(top, bottom);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.45);
    BorderPane root = new BorderPane(split);
    root.setId("sync-view");
    root.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    root.setOnDragDropped(
        e -> {
          boolean done = false;
          for (File f : e.getDragboard().getFiles()) {
            if (f.getName().endsWith(".passerelle")) {
              vm.importFile(f.toPath());
              done = true;
            }
          }
          e.setDropCompleted(done);
          e.consume();
        });
    vm.refresh();
    return root;
  }

  /** Imports a file opened with the application. */
  @Override
  public boolean show(Navigation request) {
    if (vm != null && request instanceof Navigation.ImportSyncFile i) {
      vm.importFile(i.file());
      return true;
    }
    return false;
  }

  @Override
  public void onShow() {
    if (vm != null) {
      vm.refresh();
    }
  }

  private TableView<Peer> peersTable() {
    TableView<Peer> t = new TableView<>(vmPeers());
    t.setId("sync-peers");
    t.setPlaceholder(new Label(m.get("sync.peers.empty")));
    t.getColumns()
        .addAll(
            col(m.get("sync.peers.office"), p -> p.office() + (p.revoked() ? " ⊘" : "")),
            col(m.get("sync.peers.organisation"), Peer::organisation),
            col(m.get("sync.peers.fingerprint"), Peer::fingerprint),
            col(m.get("sync.peers.checkpoints"), p -> p.sentAck() + " / " + p.received()),
            col(m.get("sync.peers.lastFile"), p -> age(p.lastImportAt())));
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    return t;
  }

  private javafx.collections.ObservableList<Peer> vmPeers() {
    return vm.peers();
  }

  private static TableColumn<Peer, String> col(
      String title, java.util.function.Function<Peer, String> f) {
    TableColumn<Peer, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
    return c;
  }

  private String age(OffsetDateTime at) {
    if (at == null) {
      return m.get("sync.age.never");
    }
    Duration d = Duration.between(at, OffsetDateTime.now());
    if (d.toDays() >= 1) {
      return m.get("sync.age.days", d.toDays());
    }
    if (d.toHours() >= 1) {
      return m.get("sync.age.hours", d.toHours());
    }
    return m.get("sync.age.minutes", Math.max(0, d.toMinutes()));
  }
}
