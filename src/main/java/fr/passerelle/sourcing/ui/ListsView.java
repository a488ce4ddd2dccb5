package fr.passerelle.sourcing.ui;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.sourcing.HistoryEvent;
import fr.passerelle.sourcing.PipelineStatus;
import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.sourcing.SourcingList;
import fr.passerelle.ui.Chips;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.PersonPicker;
import fr.passerelle.ui.UiContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Listes": my lists with their pipeline bar and priority-public share; the selected list's entries
 * moved through the pipeline by buttons or keyboard (Ctrl+→ / Ctrl+← , 1–7); people added to an
 * open list by name or from its occupation's candidates ("Ajouter un candidat…", #19).
 */
public final class ListsView extends BorderPane {
  private static final String LISTS_CSS = ListsView.class.getResource("lists.css").toExternalForm();
  final ListsViewModel vm;
  final ListView<SourcingList> lists = new ListView<>();
  final TableView<SourcingEntry> entries = new TableView<>();
  final ListView<String> history = new ListView<>();

  /** "X retiré(e) de la liste … — Annuler" after a removal. */
  final fr.passerelle.ui.UndoNotice undo;

  /** "Ajouter un candidat…": a name typed, or the list's occupation's candidates (#19). */
  final PersonPicker<CandidateHit> picker;

  /** "Candidats du métier": the candidates of the list's occupation not on it yet. */
  final Button occupationCandidates = new Button();

  private final Messages msg;
  private final DateTimeFormatter when;
  private final DateTimeFormatter day;

  public ListsView(UiContext ctx) {
    this.msg = ctx.messages();
    this.when =
        fr.passerelle.core.DateFormats.weekdayDateTime(msg.locale())
            .withZone(ZoneId.systemDefault());
    this.day = fr.passerelle.core.DateFormats.date(msg.locale());
    vm =
        new ListsViewModel(
            ctx.services().sourcing(), ctx.services().candidateSearch(), ctx.tasks(), msg);
    undo = new fr.passerelle.ui.UndoNotice(msg);
    picker =
        new PersonPicker<>(
            vm.adding().hits,
            CandidateHit::id,
            h -> PersonPicker.line(h.lastName(), h.firstName(), h.birthDate(), h.commune()),
            vm.adding()::search,
            this::add);
    getStylesheets().addAll(Chips.CSS, LISTS_CSS);

    lists.setItems(vm.lists());
    lists.setPlaceholder(
        new LoadingPlaceholder(vm.loading(), msg.get("lists.loading"), msg.get("lists.empty")));
    lists.setCellFactory(v -> new ListCard());
    // both ways: the view model re-selects a list after replacing it with its updated figures
    lists.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> vm.selected().set(l));
    vm.selected()
        .addListener(
            (o, a, l) -> {
              if (l != lists.getSelectionModel().getSelectedItem()) {
                if (l == null) {
                  lists.getSelectionModel().clearSelection();
                } else {
                  lists.getSelectionModel().select(l);
                }
              }
            });
    lists.setId("sourcing-lists");
    entries.setId("sourcing-entries");
    CheckBox closed = new CheckBox(msg.get("lists.includeClosed"));
    closed.selectedProperty().bindBidirectional(vm.includeClosed());
    Label title = new Label(msg.get("lists.mine"));
    title.getStyleClass().add("pane-title");
    VBox left = new VBox(8, title, closed, lists);
    left.setPadding(new Insets(8));
    VBox.setVgrow(lists, Priority.ALWAYS);

    Label header = new Label();
    header.getStyleClass().add("pane-title");
    header.setWrapText(true);
    header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label sub = new Label();
    sub.getStyleClass().add("muted");
    sub.setWrapText(true);
    sub.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label shares = new Label();
    Button export = new Button(msg.get("lists.export"));
    export.setId("exportList");
    export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    export.disableProperty().bind(vm.selected().isNull());
    export.setOnAction(
        e ->
            ctx.dialogs()
                .saveFile(
                    fr.passerelle.ui.DialogService.FileChoice.of(
                            "lists-export", msg.get("lists.export.title"))
                        .named(fileName(vm.selected().get()))
                        .filter("CSV (Excel)", "*.csv")
                        .filter("Excel", "*.xlsx"))
                .ifPresent(vm::export));
    HBox.setHgrow(header, Priority.ALWAYS);
    header.setMaxWidth(Double.MAX_VALUE);
    HBox headerRow = new HBox(8, header, export);
    vm.selected()
        .addListener(
            (o, a, l) -> {
              header.setText(l == null ? "" : l.name());
              sub.setText(l == null ? "" : subtitle(l));
              shares.setText(l == null ? "" : vm.sharesText(l.shares()));
            });

    entries.setItems(vm.entries());
    entries.setPlaceholder(
        new LoadingPlaceholder(
            vm.entriesLoading(),
            msg.get("lists.entries.loading"),
            javafx.beans.binding.Bindings.when(vm.selected().isNull())
                .then(msg.get("lists.entries.select"))
                .otherwise(msg.get("lists.entries.empty"))));
    new EntryColumns(msg, day).addTo(entries, fr.passerelle.ui.ColumnChoices.of(ctx));
    entries
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, e) -> history.getItems().setAll(e == null ? List.of() : lines(e)));
    vm.entries()
        .addListener(
            (ListChangeListener<SourcingEntry>)
                c -> {
                  UUID id = vm.focusEntry.get();
                  if (id != null) {
                    vm.entries().stream()
                        .filter(e -> e.id().equals(id))
                        .findFirst()
                        .ifPresent(
                            e -> {
                              entries.getSelectionModel().select(e);
                              entries.scrollTo(e);
                              // someone just added: the focus stays where the next one is picked
                              if (!picker.field.isFocused() && !picker.suggestions.isFocused()) {
                                entries.requestFocus();
                              }
                            });
                  }
                });
    entries.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        k -> {
          SourcingEntry e = entries.getSelectionModel().getSelectedItem();
          if (e == null) {
            return;
          }
          if ((k.isShortcutDown() || k.isControlDown()) && k.getCode() == KeyCode.RIGHT) {
            vm.forward(e);
            k.consume();
          } else if ((k.isShortcutDown() || k.isControlDown()) && k.getCode() == KeyCode.LEFT) {
            vm.back(e);
            k.consume();
          } else if (k.getCode() == KeyCode.DELETE) {
            remove(e);
            k.consume();
          } else if (k.getCode().isDigitKey()) {
            int i = k.getCode().getChar().charAt(0) - '1';
            if (i >= 0 && i < PipelineStatus.values().length) {
              vm.move(e, PipelineStatus.values()[i]);
              k.consume();
            }
          }
        });

    FlowPane buttons = new FlowPane(6, 6);
    Button back = new Button(msg.get("lists.back"));
    back.setOnAction(e -> vm.back(entries.getSelectionModel().getSelectedItem()));
    Button forward = new Button(msg.get("lists.forward"));
    forward.setId("forward");
    forward.setOnAction(e -> vm.forward(entries.getSelectionModel().getSelectedItem()));
    buttons.getChildren().addAll(back, forward);
    int n = 1;
    for (PipelineStatus s : PipelineStatus.values()) {
      Button b = new Button(n++ + " · " + msg.get("lists.status." + s.name()));
      b.setId("move-" + s.name());
      b.setOnAction(e -> vm.move(entries.getSelectionModel().getSelectedItem(), s));
      buttons.getChildren().add(b);
    }
    // off the list at once, "Annuler" offered in the view for a few seconds (#19)
    Button remove = new Button(msg.get("lists.remove"));
    remove.setId("removeEntry");
    remove.setOnAction(e -> remove(entries.getSelectionModel().getSelectedItem()));
    buttons.getChildren().add(remove);
    for (var node : buttons.getChildren()) {
      ((Button) node)
          .disableProperty()
          .bind(entries.getSelectionModel().selectedItemProperty().isNull());
    }
    Label historyTitle = new Label(msg.get("lists.history"));
    // four events: at 1366×768 the entries table keeps the height (#19)
    history.setPrefHeight(110);
    history.setMinHeight(70);
    history.setPlaceholder(new Label(msg.get("lists.history.empty")));
    Label message = new Label();
    message.textProperty().bind(vm.message());
    message.setWrapText(true);
    message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    message.managedProperty().bind(vm.message().isNotEmpty());
    message.visibleProperty().bind(message.managedProperty());
    Label keys = new Label(msg.get("lists.keys"));
    keys.getStyleClass().add("muted");
    keys.setWrapText(true); // whole on two lines rather than cut at 1366×768
    keys.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox right =
        new VBox(
            8,
            headerRow,
            sub,
            shares,
            undo,
            addRow(),
            picker.suggestions,
            addNote(),
            entries,
            buttons,
            keys,
            historyTitle,
            history,
            message);
    right.setPadding(new Insets(8));
    // while people are offered to add, the keys' hint and the selected entry's history fold: the
    // suggestions and the entries table share the height at 1366×768 (#19)
    for (javafx.scene.Node folded : List.of(keys, historyTitle, history)) {
      folded.managedProperty().bind(picker.suggestions.managedProperty().not());
      folded.visibleProperty().bind(folded.managedProperty());
    }
    VBox.setVgrow(entries, Priority.ALWAYS);

    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.34);
    setCenter(split);
  }

  /**
   * "Ajouter un candidat…" and "Candidats du métier", for an open list; a closed list says why
   * nobody can be added instead.
   */
  private javafx.scene.Node addRow() {
    TextField field = picker.field;
    field.setId("addCandidate");
    picker.suggestions.setId("addCandidateHits");
    field.setPromptText(msg.get("lists.add.prompt"));
    HBox.setHgrow(field, Priority.ALWAYS);
    field.setMaxWidth(Double.MAX_VALUE);
    occupationCandidates.setId("occupationCandidates");
    occupationCandidates.setText(msg.get("lists.add.occupation"));
    occupationCandidates.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    occupationCandidates.setOnAction(e -> showOccupationCandidates());
    Tooltip why = new Tooltip();
    occupationCandidates.setTooltip(why);
    HBox row = new HBox(6, field, occupationCandidates);
    row.setId("addRow");
    Label closed = new Label(msg.get("lists.add.closed"));
    closed.setId("addClosed");
    closed.getStyleClass().add("muted");
    closed.setWrapText(true);
    closed.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Runnable show =
        () -> {
          SourcingList l = vm.selected().get();
          boolean open = ListAdding.open(l);
          row.setVisible(open);
          row.setManaged(open);
          closed.setVisible(l != null && !open);
          closed.setManaged(closed.isVisible());
          boolean occupation = open && l.romeCode() != null;
          occupationCandidates.setVisible(occupation);
          occupationCandidates.setManaged(occupation);
          why.setText(
              occupation
                  ? msg.get(
                      "lists.add.occupation.tip",
                      l.romeCode() + (l.romeLabel() == null ? "" : " " + l.romeLabel()))
                  : "");
          if (!open) {
            field.clear();
          }
        };
    vm.selected().addListener((o, a, l) -> show.run());
    show.run();
    return new VBox(4, row, closed);
  }

  /** What adding said, under the field: shown only while there is something to say. */
  private Label addNote() {
    Label note = new Label();
    note.setId("addNote");
    note.textProperty().bind(vm.adding().note);
    note.setWrapText(true);
    note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.visibleProperty().bind(vm.adding().note.isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    return note;
  }

  /** The occupation's candidates as suggestions, the first one highlighted: Enter adds them. */
  private void showOccupationCandidates() {
    // an empty field: the suggestions are the occupation's, not a name's
    picker.field.clear();
    vm.adding().ofOccupation(picker::enter);
  }

  /**
   * Adds the person picked: a name's suggestion empties the field for the next name; from the
   * occupation's candidates, the others stay offered. Someone already on the list is said so.
   */
  private void add(CandidateHit h) {
    boolean fromOccupation = picker.field.getText().isBlank();
    if (!vm.adding().add(h)) {
      picker.field.requestFocus();
    } else if (!fromOccupation) {
      picker.clear();
    }
  }

  /** Takes the entry off its list, then offers "Annuler" (the same entry back). */
  private void remove(SourcingEntry e) {
    SourcingList l = vm.selected().get();
    String list = l == null ? "" : l.name();
    vm.remove(
        e,
        removed ->
            undo.show(
                msg.get("lists.removed.notice", removed.displayName().trim(), list),
                () -> vm.restore(removed)));
  }

  private String subtitle(SourcingList l) {
    String origin =
        l.offerTitle() != null
            ? msg.get("lists.fromOffer", l.offerTitle())
            : msg.get("lists.fromOccupation", l.romeCode() + " " + nz(l.romeLabel()));
    String owner = l.ownerName() == null ? msg.get("lists.noOwner") : l.ownerName();
    String shared =
        l.isShared()
            ? msg.get("lists.sharedWith", nz(l.sharedOfficeName()))
            : msg.get("lists.notShared");
    return origin + " · " + msg.get("lists.owner", owner) + " · " + shared;
  }

  private List<String> lines(SourcingEntry e) {
    List<String> out = new java.util.ArrayList<>(e.history().stream().map(this::line).toList());
    java.util.Collections.reverse(out);
    return out;
  }

  private String line(HistoryEvent h) {
    String at;
    try {
      at =
          h.at().length() == 10
              ? day.format(java.time.LocalDate.parse(h.at()))
              : when.format(Instant.parse(h.at()));
    } catch (RuntimeException ex) {
      at = h.at();
    }
    String to = msg.get("lists.status." + h.status().name());
    return at + " — " + to + (h.note() == null ? "" : " — " + h.note());
  }

  /** "liste-<name>.csv", the list's name made safe for a file name. */
  static String fileName(SourcingList l) {
    String name = l == null ? "" : l.name();
    String safe = name.replaceAll("[\\\\/:*?\"<>|]", " ").replaceAll("\\s+", " ").strip();
    return "liste " + (safe.isEmpty() ? "de sourcing" : safe) + ".csv";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A list in "my lists": name, origin, pipeline bar and shares. */
  private final class ListCard extends ListCell<SourcingList> {
    @Override
    protected void updateItem(SourcingList l, boolean empty) {
      super.updateItem(l, empty);
      if (empty || l == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(l.name() + (l.isShared() ? "  ⇄" : ""));
      name.setStyle("-fx-font-weight: bold");
      name.setTooltip(new javafx.scene.control.Tooltip(name.getText()));
      Label size = new Label(msg.get("lists.size", l.size()));
      size.getStyleClass().add("muted");
      Label shares = new Label(vm.sharesText(l.shares()));
      shares.setWrapText(true);
      VBox box = new VBox(3, name, size, new PipelineBar(l.pipeline(), msg, 300), shares);
      box.setPadding(new Insets(2, 0, 6, 0));
      // as wide as the list (no horizontal scroll): long names and the shares wrap, never cut
      var room = getListView().widthProperty().subtract(36);
      box.prefWidthProperty().bind(room);
      box.maxWidthProperty().bind(room);
      name.maxWidthProperty().bind(room);
      name.prefWidthProperty().bind(room);
      name.setWrapText(true);
      name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      shares.prefWidthProperty().bind(room);
      shares.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      setGraphic(box);
      setText(null);
    }
  }
}
