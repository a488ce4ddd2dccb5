package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.ServerReturn;
import fr.passerelle.ui.UiContext;
import fr.passerelle.ui.UnsavedChanges;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * "Candidats": the search box focused, filters folded, the last candidates opened; a table paging
 * through the results (never the whole table); the detail pane edited in place; import/export.
 */
public final class CandidatesView extends BorderPane {
  final CandidatesViewModel vm;
  final CandidateDetailViewModel detailVm;
  final CandidateFilesViewModel filesVm;
  final PersonRightsViewModel rightsVm;
  final TextField search = new TextField();
  final TableView<CandidateSummary> table = new TableView<>();
  final CandidateDetailPane detail;
  private final SplitPane split = new SplitPane();
  private final Messages msg;
  private final DialogService dialogs;
  final CandidateSaveFlow flow;
  final CandidateFilesFlow files;
  private final PauseTransition debounce = new PauseTransition(Duration.millis(150));
  private static final DateTimeFormatter DAY = fr.passerelle.core.DateFormats.DAY;

  public CandidatesView(UiContext ctx) {
    msg = ctx.messages();
    dialogs = ctx.dialogs();
    var service = ctx.services().candidates();
    vm = new CandidatesViewModel(ctx.services().candidateSearch(), ctx.tasks(), msg);
    // the list follows what colleagues save on other workstations (office server, ADR 0178)
    ctx.followChanges(vm::followChanges);
    detailVm = new CandidateDetailViewModel(service, ctx.tasks(), msg, ServerReturn.of(ctx));
    filesVm = new CandidateFilesViewModel(service, ctx.tasks(), msg, Platform::runLater);
    rightsVm = new PersonRightsViewModel(ctx.services().personRights(), ctx.tasks(), msg);
    flow = new CandidateSaveFlow(detailVm, rightsVm, vm::search, dialogs, msg);
    files = new CandidateFilesFlow(filesVm, vm::query, vm::search, dialogs, msg);
    detail =
        new CandidateDetailPane(detailVm, msg, service::reference, ctx.services().occupations());

    search.setId("candidates-search");
    table.setId("candidates-table");
    search.setPromptText(msg.get("candidates.search.prompt"));
    search.setAccessibleText(msg.get("candidates.search.prompt"));
    search.textProperty().bindBidirectional(vm.text());
    HBox.setHgrow(search, Priority.ALWAYS);
    debounce.setOnFinished(e -> vm.search());
    search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
    // ↓ goes from the search box to the first row; Enter there opens it
    search.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.DOWN && !vm.rows().isEmpty()) {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
            table.scrollTo(0);
            e.consume();
          }
        });
    Label summary = new Label();
    summary.setId("candidates-summary");
    summary.textProperty().bind(vm.summary());
    summary.getStyleClass().add("muted");
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.loading());
    Button add = new Button(msg.get("candidates.new"));
    add.setMnemonicParsing(true);
    add.setOnAction(e -> guard(detailVm::newCandidate));
    Button importBtn = new Button(msg.get("candidates.import"));
    importBtn.setOnAction(e -> files.importFile());
    Button exportBtn = new Button(msg.get("candidates.export"));
    exportBtn.setOnAction(e -> files.exportFile());
    importBtn.disableProperty().bind(filesVm.running());
    exportBtn.disableProperty().bind(filesVm.running());
    // the services refuse what the account's roles do not grant; the buttons say so first
    var access = ctx.services().access();
    boolean writes = access.has(fr.passerelle.security.Permission.CANDIDATES_WRITE);
    add.setVisible(writes);
    add.setManaged(writes);
    importBtn.setVisible(writes);
    importBtn.setManaged(writes);
    boolean exports = access.has(fr.passerelle.security.Permission.DATA_EXPORT);
    exportBtn.setVisible(exports);
    exportBtn.setManaged(exports);
    detail.rights.setVisible(access.has(fr.passerelle.security.Permission.PERSON_RIGHTS));
    detail.exportAll.setOnAction(e -> exportEverything());
    detail.erase.setOnAction(e -> flow.erase());
    HBox bar = new HBox(8, search, busy, summary, add, importBtn, exportBtn);
    bar.setAlignment(Pos.CENTER_LEFT);

    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(filesVm.progress());
    progress.setPrefWidth(240);
    Label fileStatus = new Label();
    fileStatus.textProperty().bind(filesVm.status());
    Button cancelFile = new Button(msg.get("candidates.files.cancel"));
    cancelFile.setOnAction(e -> filesVm.cancel());
    cancelFile.visibleProperty().bind(filesVm.running());
    progress.visibleProperty().bind(filesVm.running());
    progress.managedProperty().bind(filesVm.running());
    HBox files = new HBox(8, progress, cancelFile, fileStatus);
    files.setAlignment(Pos.CENTER_LEFT);
    files.managedProperty().bind(fileStatus.textProperty().isNotEmpty());
    files.visibleProperty().bind(files.managedProperty());

    Label error = new Label();
    error.textProperty().bind(vm.error());
    error.setStyle("-fx-text-fill: #cf222e;");
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    CandidateFilters filters =
        new CandidateFilters(
            vm,
            msg,
            debounce::playFromStart,
            service.sensitiveAllowed(),
            fr.passerelle.ui.ColumnChoices.of(ctx));
    Label rightsStatus = new Label();
    rightsStatus.setId("person-rights-status");
    rightsStatus.setWrapText(true);
    rightsStatus.textProperty().bind(rightsVm.message());
    rightsStatus.managedProperty().bind(rightsStatus.textProperty().isNotEmpty());
    rightsStatus.visibleProperty().bind(rightsStatus.managedProperty());
    VBox top = new VBox(6, bar, filters, files, error, rightsStatus);
    top.setPadding(new Insets(8));
    setTop(top);

    buildTable();
    // the counselor chooses the columns (the "+" of the header), remembered on this workstation
    fr.passerelle.ui.ColumnChoices.of(ctx).remember(table, "candidates");
    split.getItems().add(table);
    setCenter(split);
    detailVm.loaded().addListener((o, a, b) -> showDetail(b != null));
    fr.passerelle.ui.ConflictDialogs conflicts = new fr.passerelle.ui.ConflictDialogs(msg, dialogs);
    conflicts.askOn(
        detailVm.conflicts().pending(),
        detailVm.conflicts(),
        CandidateConflict::text,
        c -> c.differences(msg));
    detail.save.setOnAction(e -> flow.save());
    keys();
  }

  private void buildTable() {
    table.setItems(vm.rows());
    Label empty = new Label();
    empty.textProperty().bind(vm.emptyText());
    empty.setWrapText(true);
    // a readable line length, centred, off the table's edges (it ran from edge to edge at 1366)
    empty.setMaxWidth(560);
    empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    empty.setPadding(new javafx.geometry.Insets(24));
    empty.getStyleClass().add("text-muted");
    table.setPlaceholder(empty);
    fr.passerelle.ui.Tables.wholeHeaders(table);
    // the columns share the whole width (at 1366 a status read "En recher…" beside empty space)
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.getColumns().add(col("candidates.col.name", CandidateSummary::displayName, 220));
    table
        .getColumns()
        .add(
            col(
                "candidates.col.birth",
                s -> s.birthDate() == null ? "" : DAY.format(s.birthDate()),
                95));
    table.getColumns().add(col("candidates.col.commune", CandidateSummary::communeName, 150));
    table.getColumns().add(col("candidates.col.occupations", CandidateSummary::occupations, 260));
    table
        .getColumns()
        .add(
            col(
                "candidates.col.available",
                s -> s.availableFrom() == null ? "" : DAY.format(s.availableFrom()),
                95));
    table
        .getColumns()
        .add(
            col(
                "candidates.col.status",
                s -> s.status() == null ? "" : msg.get("candidates.status." + s.status().name()),
                150));
    table.getColumns().add(col("candidates.col.consent", s -> s.consentShare() ? "✓" : "", 60));
    table.setRowFactory(
        t -> {
          TableRow<CandidateSummary> row =
              new TableRow<>() {
                @Override
                protected void updateItem(CandidateSummary item, boolean empty) {
                  super.updateItem(item, empty);
                  if (!empty && getIndex() >= vm.rows().size() - 10) {
                    vm.loadMore();
                  }
                }
              };
          row.setOnMouseClicked(
              e -> {
                if (!row.isEmpty() && e.getClickCount() >= 1) {
                  open(row.getItem());
                }
              });
          return row;
        });
    table.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
            open(table.getSelectionModel().getSelectedItem());
            e.consume();
          } else if (e.getCode() == KeyCode.UP
              && table.getSelectionModel().getSelectedIndex() == 0) {
            search.requestFocus(); // back up to the search box
            e.consume();
          }
        });
  }

  private TableColumn<CandidateSummary, String> col(
      String key, Function<CandidateSummary, String> f, double width) {
    TableColumn<CandidateSummary, String> c = new TableColumn<>(msg.get(key));
    c.setId(key.substring(key.lastIndexOf('.') + 1)); // its name in the remembered choices
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private void keys() {
    addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
            if (detailVm.dirty().get()) {
              flow.save();
            }
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN).match(e)) {
            guard(detailVm::newCandidate);
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
            search.requestFocus();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE && detailVm.loaded().get() != null) {
            guard(detailVm::close);
            e.consume();
          }
        });
  }

  void onShow() {
    vm.search();
    Platform.runLater(search::requestFocus);
  }

  /** Opens one candidate's file (a global search hit), asking first if edits would be lost. */
  void openCandidate(java.util.UUID id) {
    CandidateDetail current = detailVm.loaded().get();
    if (current != null && id.equals(current.id())) {
      return;
    }
    guard(
        () -> {
          detail.mask();
          detailVm.open(id, () -> {});
        });
  }

  private void open(CandidateSummary s) {
    CandidateDetail current = detailVm.loaded().get();
    if (current != null && s.id().equals(current.id())) {
      return;
    }
    guard(
        () -> {
          detail.mask();
          detailVm.open(s.id(), () -> {});
        });
  }

  private void showDetail(boolean show) {
    if (show && !split.getItems().contains(detail)) {
      split.getItems().add(detail);
      // the file gets the larger half: its criteria lines need ~600 px (1366×768: whole)
      split.setDividerPositions(0.45);
      Platform.runLater(detail.lastName::requestFocus);
    } else if (!show) {
      split.getItems().remove(detail);
      table.requestFocus();
    }
  }

  /** Runs {@code then} unless unsaved changes would be lost: asks Save / Discard / Cancel. */
  void guard(Runnable then) {
    flow.guard(then);
  }

  /** The file being edited, for the shell's guard (another entry, closing the window) and ours. */
  UnsavedChanges unsaved() {
    return flow.unsaved();
  }

  /** "Exporter toutes ses données…": a folder, then the PDF and the JSON written there. */
  private void exportEverything() {
    CandidateDetail d = detailVm.loaded().get();
    if (d == null || d.id() == null) {
      return;
    }
    dialogs
        .chooseFolder("candidate-export-all", msg.get("rights.exportAll.title", flow.shownName()))
        .ifPresent(dir -> rightsVm.exportAll(d.id(), dir, () -> {}));
  }
}
