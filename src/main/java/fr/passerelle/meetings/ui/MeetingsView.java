package fr.passerelle.meetings.ui;

import fr.passerelle.core.FileNames;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.printing.ui.PrintDialog;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Meetings view: this week's calendar (CalendarFX day / week / month) or a list, filters, the
 * next meeting's attendance at a glance, and on the right the selected meeting's form, participants
 * and documents.
 */
public final class MeetingsView {
  private final MeetingsViewModel vm;
  private final MeetingDialogs dialogs;
  private final Messages m;
  private final BorderPane root = new BorderPane();
  final MeetingsCalendar calendar;
  final TableView<MeetingSummary> list = new TableView<>();
  final MeetingEditor editor;
  final ParticipantsPane participants;
  final TabPane tabs = new TabPane();
  final Label message = new Label();
  final Label nextMeeting;
  private final Label heading = new Label();
  private final fr.passerelle.ui.DialogService questions;

  public MeetingsView(MeetingsViewModel vm, MeetingDialogs dialogs) {
    this.vm = vm;
    this.dialogs = dialogs;
    this.m = vm.messages();
    this.questions = vm.dialogs();
    this.editor = new MeetingEditor(vm);
    // another meeting (list, calendar, "next") never replaces unsaved edits silently (#19)
    vm.guardOpening(open -> fr.passerelle.ui.UnsavedChanges.guard(unsaved(), questions, open));
    // a save refused over a colleague's edit: Recharger / Comparer / Annuler (ADR 0197)
    new MeetingConflicts(vm, editor, new fr.passerelle.ui.ConflictDialogs(m, questions));
    this.participants = new ParticipantsPane(vm);
    this.calendar = new MeetingsCalendar(vm);
    root.setId("meetingsView");
    MeetingsToolbar toolbar = new MeetingsToolbar(vm, this::newMeeting);
    list.visibleProperty().bind(toolbar.listMode);
    calendar.visibleProperty().bind(toolbar.listMode.not());
    nextMeeting = toolbar.nextMeeting;
    root.setTop(toolbar);
    // the counselor moves the divider: more calendar, or more form
    javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(center(), detail());
    // the detail gets 45 %: at 1366×768 the participants' columns and counts fit its width (#19)
    split.setDividerPositions(0.55);
    root.setCenter(split);
    message.setId("message");
    message.textProperty().bind(vm.message);
    message.setPadding(new Insets(4, 10, 4, 10));
    message.setWrapText(true); // a long message (the server away) is said whole, on two lines
    // an empty line under the view took a participants' row at 1366×768 (#19)
    message.managedProperty().bind(vm.message.isNotEmpty());
    message.visibleProperty().bind(message.managedProperty());
    root.setBottom(message);
    vm.selected.addListener((o, a, b) -> showSelected(b, a));
    showSelected(null, null);
    fr.passerelle.ui.Shortcuts.of(root)
        .on(KeyCode.N, this::newMeeting)
        .on(
            KeyCode.S,
            () -> {
              if (!editor.save.isDisabled()) editor.save.fire();
            })
        .on(KeyCode.P, this::print);
  }

  public Node root() {
    return root;
  }

  private Node center() {
    list.setId("meetingList");
    list.setItems(vm.meetings);
    Button plan = new Button(m.get("meetings.empty.action"));
    plan.setOnAction(e -> newMeeting());
    VBox empty = new VBox(8, new Label(m.get("meetings.empty")), plan);
    empty.setAlignment(Pos.CENTER);
    list.setPlaceholder(empty);
    list.getColumns()
        .setAll(
            List.of(
                col(
                    "meetings.col.date",
                    s -> FrenchFormats.date(s.meeting().startsAt().toLocalDate()),
                    110),
                col(
                    "meetings.col.time",
                    s -> FrenchFormats.span(s.meeting().startsAt(), s.meeting().endsAt()),
                    100),
                col(
                    "meetings.col.kind",
                    s -> m.get("meetings.kind." + s.meeting().kind().name()),
                    150),
                col("meetings.col.title", s -> s.meeting().title(), 240),
                col("meetings.col.place", s -> join(s.meeting().place(), s.meeting().room()), 180),
                col(
                    "meetings.col.invited",
                    s ->
                        s.counts().invited()
                            + " / "
                            + (s.meeting().capacity() == null ? "∞" : s.meeting().capacity()),
                    80),
                col(
                    "meetings.col.mstatus",
                    s -> m.get("meetings.mstatus." + s.meeting().status().name()),
                    90)));
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) openSelectedRow();
        });
    list.setOnMouseClicked(e -> openSelectedRow());
    StackPane center = new StackPane(calendar, list);
    center.setMinWidth(400);
    return center;
  }

  private void openSelectedRow() {
    MeetingSummary s = list.getSelectionModel().getSelectedItem();
    if (s != null) {
      vm.open(s.meeting().id());
    }
  }

  private TableColumn<MeetingSummary, String> col(
      String key, java.util.function.Function<MeetingSummary, String> f, double w) {
    TableColumn<MeetingSummary, String> c = new TableColumn<>(m.get(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  private Node detail() {
    heading.getStyleClass().add("title-3");
    heading.setId("heading");
    heading.setWrapText(true);
    heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // whole, not "…" (#19)
    Button duplicate = action("duplicate", "meetings.duplicate", e -> duplicate());
    Button cancel = action("cancelMeeting", "meetings.cancel", e -> cancelMeeting());
    // the meeting's documents in one menu: as five buttons they took three rows at 1366×768 and
    // pushed the participants' table out of the window (#19)
    javafx.scene.control.MenuButton documents =
        new javafx.scene.control.MenuButton(
            m.get("meetings.documents"),
            null,
            document("saveRoster", "meetings.roster", () -> save("roster", "pdf", vm::saveRoster)),
            document("printRoster", "meetings.print", this::print),
            document(
                "saveConvocations",
                "meetings.convocations",
                () -> save("convocations", "pdf", vm::saveConvocations)),
            document("saveIcs", "meetings.ics", () -> save("reunion", "ics", vm::saveIcs)),
            document(
                "saveInvitations",
                "meetings.invitations",
                () ->
                    dialogs
                        .chooseFolder(
                            root.getScene().getWindow(), m.get("meetings.invitations.folder"))
                        .ifPresent(vm::saveInvitations)));
    documents.setId("documents");
    for (javafx.scene.control.Control b : List.of(duplicate, cancel, documents)) {
      b.disableProperty().bind(vm.selected.isNull());
    }
    javafx.scene.layout.FlowPane actions =
        new javafx.scene.layout.FlowPane(6, 6, duplicate, cancel, documents);
    // a new meeting has no documents yet: its form gets the height (four rows at 1366×768)
    actions.visibleProperty().bind(vm.selected.isNotNull());
    actions.managedProperty().bind(actions.visibleProperty());
    Label warnings = new Label();
    warnings.setId("warnings");
    warnings.textProperty().bind(vm.warnings);
    warnings.setWrapText(true);
    warnings.getStyleClass().add("warning");
    warnings.setStyle("-fx-text-fill: #9a5b00;");
    warnings.managedProperty().bind(vm.warnings.isNotEmpty());
    Label paths = new Label();
    paths.setId("linkedPaths");
    paths.textProperty().bind(vm.linkedPaths);
    paths.setWrapText(true);
    paths.managedProperty().bind(vm.linkedPaths.isNotEmpty());
    Tab form = new Tab(m.get("meetings.tab.meeting"), editor);
    Tab people = new Tab(m.get("meetings.tab.participants"), participants);
    people.setId("tabParticipants");
    people.disableProperty().bind(vm.selected.isNull());
    tabs.getTabs().setAll(form, people);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    editor.save.setOnAction(e -> vm.save(editor::draft, () -> {}));
    VBox box = new VBox(8, heading, actions, warnings, paths, tabs);
    box.setPadding(new Insets(10));
    box.setMinWidth(460);
    return box;
  }

  /** An entry of the Documents menu; {@code id} is how tests find it. */
  private javafx.scene.control.MenuItem document(String id, String key, Runnable r) {
    javafx.scene.control.MenuItem i = new javafx.scene.control.MenuItem(m.get(key));
    i.setId(id);
    i.setOnAction(e -> r.run());
    return i;
  }

  private Button action(
      String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
    Button b = new Button(m.get(key));
    b.setId(id);
    b.setOnAction(h);
    return b;
  }

  private void showSelected(Meeting now, Meeting before) {
    if (now == null) {
      heading.setText(m.get("meetings.new"));
      editor.load(null, defaultStart(), vm.here.get());
      tabs.getSelectionModel().selectFirst();
      return;
    }
    String state =
        now.status() == MeetingStatus.CANCELLED ? " — " + m.get("meetings.mstatus.CANCELLED") : "";
    heading.setText(now.title() + state);
    if (before == null || !before.equals(now)) {
      editor.load(now, defaultStart(), null);
    }
  }

  private LocalDateTime defaultStart() {
    LocalDateTime t = vm.now().plusDays(1).withHour(9).withMinute(30).withSecond(0).withNano(0);
    return t;
  }

  /** The meeting form's edits, for the shell's guard (another entry, closing the window). */
  fr.passerelle.ui.UnsavedChanges unsaved() {
    return new fr.passerelle.ui.UnsavedChanges() {
      @Override
      public java.util.Optional<String> pending() {
        if (!editor.changed()) {
          return java.util.Optional.empty();
        }
        Meeting shown = vm.selected.get();
        return java.util.Optional.of(
            shown == null
                ? m.get("meetings.unsaved.new")
                : m.get("meetings.unsaved.what", shown.title()));
      }

      @Override
      public void save(Runnable saved) {
        // refused while the form is invalid: the reasons show under the Save button
        vm.save(editor::draft, saved);
      }

      @Override
      public void discard() {
        editor.discard();
      }
    };
  }

  /** An empty form for a new meeting, once the edits of the form shown are saved or dropped. */
  void newMeeting() {
    fr.passerelle.ui.UnsavedChanges.guard(unsaved(), questions, this::startNewMeeting);
  }

  private void startNewMeeting() {
    vm.startNew();
    showSelected(null, null);
    editor.title.requestFocus();
  }

  /** A new meeting about an occupation and, if given, one of its offers (from another view). */
  void newMeetingAbout(fr.passerelle.ui.ActionRequest request) {
    fr.passerelle.ui.UnsavedChanges.guard(
        unsaved(),
        questions,
        () -> {
          startNewMeeting();
          vm.focus.offer(
              request.offerId(), found -> editor.prefill(request.romeCode(), found.orElse(null)));
        });
  }

  private void duplicate() {
    Meeting mt = vm.selected.get();
    vm.duplicate(mt.startsAt().plusWeeks(1));
  }

  private void cancelMeeting() {
    Meeting mt = vm.selected.get();
    if (mt.status() == MeetingStatus.CANCELLED) {
      return;
    }
    String text =
        m.get(
            "meetings.cancel.confirm",
            mt.title(),
            FrenchFormats.date(mt.startsAt().toLocalDate()),
            vm.participants.size());
    if (dialogs.confirm(
        root.getScene().getWindow(),
        m.get("meetings.cancel.title"),
        text,
        m.get("meetings.cancel.ok"))) {
      vm.cancelMeeting();
    }
  }

  /**
   * Ctrl+P: where and what to print; when the computer cannot print, says why and offers to save
   * the PDF instead.
   */
  void print() {
    if (vm.selected.get() == null) {
      return;
    }
    vm.loadPrinters(
        choices -> {
          if (choices.none()) {
            offerPdf(m.get("printing.noPrintService"), PrintDocument.ROSTER);
            return;
          }
          dialogs
              .askPrint(root.getScene().getWindow(), m, choices, PrintDocument.ROSTER)
              .ifPresent(
                  r -> {
                    if (r.action() == PrintDialog.Action.SAVE_PDF) {
                      saveDocument(r.document());
                    } else {
                      vm.print(
                          r.document(),
                          r.printer(),
                          r.copies(),
                          failure -> offerPdf(m.describe(failure), r.document()));
                    }
                  });
        });
  }

  private void offerPdf(String why, PrintDocument document) {
    if (dialogs.confirm(
        root.getScene().getWindow(),
        m.get("printing.offerPdf.title"),
        m.get("printing.offerPdf.text", why),
        m.get("printing.offerPdf.ok"))) {
      saveDocument(document);
    }
  }

  private void saveDocument(PrintDocument document) {
    if (document == PrintDocument.ROSTER) {
      save("roster", "pdf", vm::saveRoster);
    } else {
      save("convocations", "pdf", vm::saveConvocations);
    }
  }

  private void save(
      String prefix, String ext, BiConsumer<Path, java.util.function.Consumer<Path>> action) {
    Meeting mt = vm.selected.get();
    String name =
        prefix
            + "-"
            + mt.startsAt().toLocalDate()
            + "-"
            + FileNames.part(mt.title().toLowerCase(java.util.Locale.ROOT), "reunion")
            + "."
            + ext;
    Optional<Path> file =
        dialogs.saveFile(root.getScene().getWindow(), m.get("meetings.saveAs"), name, ext);
    file.ifPresent(f -> action.accept(f, p -> {}));
  }

  static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null ? "" : b;
    }
    return b == null || b.isBlank() ? a : a + ", " + b;
  }
}
