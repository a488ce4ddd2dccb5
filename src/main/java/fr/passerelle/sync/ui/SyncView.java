package fr.passerelle.sync.ui;

import fr.passerelle.core.FileNames;
import fr.passerelle.security.Permission;
import fr.passerelle.sync.IdentityCard;
import fr.passerelle.sync.Peer;
import fr.passerelle.ui.DialogService.FileChoice;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.UiContext;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Sync view: peers, prepare and import files, the import report, conflicts, the digest. */
public final class SyncView implements FeatureView {
  /** The upper part's share of the height before any import: all it needs at 1366×768. */
  static final double UPPER_BEFORE_IMPORT = 0.8;

  /** The upper part's share once an import's report is shown (the counselor may drag it back). */
  static final double UPPER_WITH_REPORT = 0.4;

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
    Node identity = identityPanel();
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
    prepare.disableProperty().bind(vm.busy().or(vm.hasPartner().not()));
    prepare.setOnAction(
        e -> {
          ctx.dialogs()
              .chooseFolder("sync-export", m.get("sync.export.choose"))
              .ifPresent(dir -> vm.prepare(target.getValue(), full.isSelected(), dir));
        });
    Button importButton = new Button(m.get("sync.import.button"));
    importButton.setId("sync-import");
    importButton.disableProperty().bind(vm.busy());
    importButton.setOnAction(
        e -> {
          ctx.dialogs()
              .openFile(
                  FileChoice.of("sync-import", m.get("sync.import.choose"))
                      .filter(m.get("sync.file.kind"), "*.passerelle"))
              .ifPresent(vm::importFile);
        });
    Label drop = new Label(m.get("sync.import.drop"));
    drop.getStyleClass().add("text-muted");
    drop.setPadding(new Insets(12));
    drop.setStyle("-fx-border-color: #d0d7de; -fx-border-style: dashed;");
    drop.setMaxWidth(Double.MAX_VALUE);
    HBox actions = new HBox(8, target, full, prepare, importButton);
    actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    target.disableProperty().bind(vm.hasPartner().not());
    full.disableProperty().bind(vm.hasPartner().not());
    Label noPartner = new Label(m.get("sync.export.noPartner"));
    noPartner.setId("sync-prepare-reason");
    noPartner.setWrapText(true);
    noPartner.setMinHeight(Region.USE_PREF_SIZE);
    noPartner.getStyleClass().add("text-muted");
    noPartner.visibleProperty().bind(vm.hasPartner().not());
    noPartner.managedProperty().bind(noPartner.visibleProperty());

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
            Path dir = ctx.dialogs().chooseFolder("sync-watch", null).orElse(null);
            if (dir == null) {
              watch.setSelected(false);
              return;
            }
            vm.watchedFolder().set(dir);
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
    // a shell dropped (user switched, language changed) no longer polls the folder (ADR 0202)
    ctx.scope().hold(poll::stop);

    VBox top =
        new VBox(
            8,
            title,
            identity,
            peers,
            actions,
            noPartner,
            drop,
            message,
            new HBox(8, digestButton, digest, checkButton),
            new HBox(8, watch, watched));
    top.setPadding(new Insets(12));
    VBox.setVgrow(peers, Priority.ALWAYS);

    ImportReportPane reportPane = new ImportReportPane(m, vm);
    ConflictPane conflictPane = new ConflictPane(m, vm);
    Tab reportTab = new Tab(m.get("sync.report.title"), reportPane.build());
    Tab refusedTab =
        counted("sync.quarantine.title", new QuarantinePane(m, vm).build(), vm.refused());
    refusedTab.setId("sync-refused-tab");
    // the conflicts in a tab of their own, with the whole width: beside the report, at 1366×768,
    // their list was 230 px wide (the office's name cut) and its detail an empty half
    Tab conflictTab = counted("sync.conflicts.title", conflictPane.build(), vm.conflictGroups());
    conflictTab.setId("sync-conflicts-tab");
    TabPane bottom = new TabPane(reportTab, refusedTab, conflictTab);
    bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    // the upper part scrolls rather than keeping its whole height, so that the divider can give
    // the report of an import room: most of the height before any import, the lower part's half
    // once a report is there (at 1366×768 it was a strip one table row high)
    javafx.scene.control.ScrollPane upper = new javafx.scene.control.ScrollPane(top);
    upper.setId("sync-upper");
    upper.setFitToWidth(true);
    upper.setFitToHeight(true);
    upper.getStyleClass().add("edge-to-edge");
    SplitPane split = new SplitPane(upper, bottom);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(UPPER_BEFORE_IMPORT);
    vm.report()
        .addListener(
            (o, was, r) -> {
              if (r != null && split.getDividerPositions()[0] > UPPER_WITH_REPORT) {
                split.setDividerPositions(UPPER_WITH_REPORT);
              }
            });
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

  /**
   * "Cette agence": its name and organisation, its fingerprint whole in numbered blocks (read aloud
   * to a partner on the phone), "Enregistrer la carte…" and "Faire confiance à un partenaire…".
   */
  private Node identityPanel() {
    Label heading = new Label(m.get("sync.identity.heading"));
    heading.getStyleClass().add("title-4");
    heading.setMinWidth(Region.USE_PREF_SIZE);
    Label who = new Label();
    who.setId("sync-identity");
    who.textProperty().bind(vm.identity());
    who.setWrapText(true);
    who.setMinHeight(Region.USE_PREF_SIZE);
    Label readAloud = new Label(m.get("sync.identity.fingerprint"));
    readAloud.setWrapText(true);
    readAloud.setMinHeight(Region.USE_PREF_SIZE);
    readAloud.getStyleClass().add("text-muted");
    HBox blocks = new HBox();
    blocks.setId("sync-own-fingerprint");
    blocks.setMinWidth(Region.USE_PREF_SIZE);
    vm.ownFingerprint()
        .addListener(
            (o, was, is) ->
                blocks.getChildren().setAll(new FingerprintBlocks(is, "sync-own-fingerprint", 8)));
    Button exportCard = new Button(m.get("sync.card.export"));
    exportCard.setId("sync-export-card");
    exportCard.setMaxWidth(Double.MAX_VALUE);
    exportCard.setMinWidth(Region.USE_PREF_SIZE);
    exportCard.disableProperty().bind(vm.busy().or(vm.ownFingerprint().isEmpty()));
    exportCard.setOnAction(
        e -> {
          Path file = cardTarget.apply(exportCard.getScene().getWindow());
          if (file != null) {
            vm.exportCard(file);
          }
        });
    Button trust = new Button(m.get("sync.trust.button"));
    trust.setId("sync-trust");
    trust.setMaxWidth(Double.MAX_VALUE);
    trust.setMinWidth(Region.USE_PREF_SIZE);
    boolean mayTrust = ctx.services().access().has(Permission.SYNC_TRUST);
    trust.disableProperty().bind(vm.busy().or(new SimpleBooleanProperty(!mayTrust)));
    trust.setOnAction(
        e -> {
          Window w = trust.getScene().getWindow();
          Path file = cardSource.apply(w);
          if (file != null) {
            vm.readCard(file, card -> askTrust(card, file));
          }
        });
    HBox line = new HBox(8, heading, who);
    line.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
    VBox buttons = new VBox(6, exportCard, trust);
    buttons.setMinWidth(Region.USE_PREF_SIZE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox card = new HBox(16, blocks, gap, buttons);
    card.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox panel = new VBox(4, line, readAloud, card);
    if (!mayTrust) {
      Label why =
          new Label(
              m.get("sync.trust.notAllowed", m.get("permission." + Permission.SYNC_TRUST.name())));
      why.setId("sync-trust-reason");
      why.setWrapText(true);
      why.setMinHeight(Region.USE_PREF_SIZE);
      why.getStyleClass().add("text-muted");
      panel.getChildren().add(why);
    }
    panel.setId("sync-identity-panel");
    panel.setPadding(new Insets(8, 12, 8, 12));
    panel.setStyle(
        "-fx-border-color: #d0d7de; -fx-border-radius: 6; -fx-background-radius: 6;"
            + " -fx-background-color: -color-bg-subtle;");
    panel.setMinHeight(Region.USE_PREF_SIZE);
    return panel;
  }

  /** The comparison step, then the trust itself (checked and audited by the service). */
  private void askTrust(IdentityCard card, Path file) {
    TrustDialog.Answer a =
        new TrustDialog(
                m,
                card,
                String.valueOf(file.getFileName()),
                vm.ownOrganisation().get(),
                vm.ownFingerprint().get())
            .ask(ctx.dialogs());
    if (a == TrustDialog.Answer.TRUST) {
      vm.trust(card);
    } else if (a == TrustDialog.Answer.DIFFERENT) {
      vm.notTrusted(card);
    }
  }

  /** Where "Enregistrer la carte…" writes (a save dialog; tests give a file). */
  Function<Window, Path> cardTarget = this::saveCardDialog;

  /** The partner's card "Faire confiance à un partenaire…" opens (tests give a file). */
  Function<Window, Path> cardSource = this::openCardDialog;

  private Path saveCardDialog(Window w) {
    return ctx.dialogs()
        .saveFile(
            FileChoice.of("sync-card", m.get("sync.card.exportTitle"))
                .named(
                    "carte-passerelle-" + FileNames.part(vm.ownOffice().get(), "agence") + ".json")
                .filter(m.get("sync.card.kind"), "*.json"))
        .orElse(null);
  }

  private Path openCardDialog(Window w) {
    return ctx.dialogs()
        .openFile(
            FileChoice.of("sync-card", m.get("sync.card.openTitle"))
                .filter(m.get("sync.card.kind"), "*.json")
                .filter(m.get("sync.card.any"), "*"))
        .orElse(null);
  }

  private TableView<Peer> peersTable() {
    TableView<Peer> t = new TableView<>(vmPeers());
    t.setId("sync-peers");
    // a progress while the partners are read (#19: never "no partner yet" before they are)
    fr.passerelle.ui.LoadingPlaceholder empty =
        new fr.passerelle.ui.LoadingPlaceholder(
            vm.loading(), m.get("sync.peers.loading"), m.get("sync.peers.empty"));
    empty.setPadding(new Insets(12));
    t.setPlaceholder(empty);
    TableColumn<Peer, String> fingerprint = col(m.get("sync.peers.fingerprint"), Peer::fingerprint);
    fingerprint.setStyle("-fx-font-family: monospace;");
    // the fingerprint whole (8 blocks of 4): read aloud, never cut
    javafx.scene.text.Text probe =
        new javafx.scene.text.Text("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX");
    probe.setFont(
        javafx.scene.text.Font.font(
            "monospace", Math.max(14, javafx.scene.text.Font.getDefault().getSize())));
    double whole = Math.ceil(probe.getLayoutBounds().getWidth()) + 32;
    fingerprint.setMinWidth(whole);
    fingerprint.setPrefWidth(whole);
    TableColumn<Peer, String> office = col(m.get("sync.peers.office"), Peer::office);
    office.setPrefWidth(230);
    TableColumn<Peer, String> organisation =
        col(m.get("sync.peers.organisation"), Peer::organisation);
    organisation.setPrefWidth(150);
    TableColumn<Peer, String> since = col(m.get("sync.peers.trust"), this::trustState);
    since.setPrefWidth(180);
    since.setMinWidth(170);
    office.setMinWidth(150);
    organisation.setMinWidth(120);
    TableColumn<Peer, String> exchanges =
        col(
            m.get("sync.peers.exchanges"),
            p -> m.get("sync.peers.exchangesText", age(p.lastExportAt()), age(p.lastImportAt())));
    exchanges.setPrefWidth(270);
    exchanges.setMinWidth(250);
    // a long office name and the exchanges' line on two lines rather than cut (1366×768)
    fr.passerelle.ui.Tables.wrapping(office);
    fr.passerelle.ui.Tables.wrapping(exchanges);
    t.getColumns().addAll(office, organisation, fingerprint, since, exchanges);
    // the fingerprint is never squeezed; the last column takes what is left (1366×768: 280 px)
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    fr.passerelle.ui.Tables.wholeHeaders(t);
    t.setMinHeight(120);
    return t;
  }

  /** "depuis le 6 déc. 2026", or "retirée le …" once revoked. */
  private String trustState(Peer p) {
    var day = fr.passerelle.core.DateFormats.date(m.locale());
    var zone = ctx.services().clock().zone();
    return p.revoked()
        ? m.get("sync.peers.revoked", day.format(p.revokedAt().atZoneSameInstant(zone)))
        : m.get("sync.peers.since", day.format(p.trustedAt().atZoneSameInstant(zone)));
  }

  /** A tab titled {@code key}, or {@code key + "Count"} with the number of {@code items}. */
  private Tab counted(String key, Node content, javafx.collections.ObservableList<?> items) {
    Tab tab = new Tab(m.get(key), content);
    items.addListener(
        (javafx.collections.ListChangeListener<Object>)
            c -> tab.setText(items.isEmpty() ? m.get(key) : m.get(key + "Count", items.size())));
    return tab;
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
    Duration d =
        Duration.between(
            at.toInstant(), java.time.Instant.ofEpochMilli(ctx.services().clock().millis()));
    if (d.toDays() >= 1) {
      return m.get("sync.age.days", d.toDays());
    }
    if (d.toHours() >= 1) {
      return m.get("sync.age.hours", d.toHours());
    }
    return m.get("sync.age.minutes", Math.max(0, d.toMinutes()));
  }
}
