package fr.passerelle.meetings.ui;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantRole;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.meetings.SourcingListRef;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.PersonPicker;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Participants of the selected meeting: invite candidates by name or a whole sourcing list, add
 * partner staff and employer representatives, change statuses, and the check-list mode for the day
 * (keyboard only: arrows, P present, A absent, E excused, C confirmed, space toggles).
 */
final class ParticipantsPane extends VBox {
  private final MeetingsViewModel vm;
  private final Messages m;
  final Label counts = new Label();

  /** "Inviter un candidat…": the field and its suggestions (the ui kit's, as a list's). */
  final PersonPicker<CandidateHit> picker;

  final TextField search;
  final ListView<CandidateHit> hits;
  final ComboBox<SourcingListRef> lists = new ComboBox<>();
  final Button inviteList = new Button();
  final ComboBox<ParticipantRole> role = new ComboBox<>();
  final TextField extFirst = new TextField();
  final TextField extLast = new TextField();
  final TextField extOrg = new TextField();
  final Button addExternal = new Button();
  final ToggleButton attendance = new ToggleButton();

  /** Partners and employers' representatives: a row shown on demand. */
  private final HBox externals;

  final TableView<Participant> table = new TableView<>();

  /** "X retiré de … — Annuler" after a removal. */
  final fr.passerelle.ui.UndoNotice undo;

  private final SortedList<Participant> sorted;
  private final ValidationSupport validation = new ValidationSupport();
  private int keepRow = -1;
  String searchProblem;
  String externalProblem;

  ParticipantsPane(MeetingsViewModel vm) {
    this.vm = vm;
    this.m = vm.messages();
    this.undo = new fr.passerelle.ui.UndoNotice(m);
    this.picker =
        new PersonPicker<>(
            vm.candidateHits,
            CandidateHit::id,
            h -> PersonPicker.line(h.lastName(), h.firstName(), h.birthDate(), h.commune()),
            vm::searchCandidates,
            this::inviteHit);
    this.search = picker.field;
    this.hits = picker.suggestions;
    setSpacing(8);
    setPadding(new Insets(10));
    counts.setId("counts");
    counts.getStyleClass().add("text-bold"); // the title font took two lines at 1366×768 (#19)
    counts.setWrapText(true); // whole on two lines rather than cut with "…" (1366×768)
    counts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    search.setId("candidateSearch");
    hits.setId("candidateHits");
    lists.setId("sourcingList");
    inviteList.setId("inviteList");
    extLast.setId("extLast");
    extFirst.setId("extFirst");
    extOrg.setId("extOrg");
    addExternal.setId("addExternal");
    attendance.setId("attendanceMode");
    externals = new HBox(6, role, extFirst, extLast, extOrg, addExternal);
    externals.setId("externals");
    table.setId("participants");

    search.setPromptText(m.get("meetings.participants.searchPrompt"));
    // the suggestions keep their height (the participants table below takes what is left)
    table.setMinHeight(160);
    search
        .textProperty()
        .addListener(
            (o, a, b) -> {
              searchProblem = null;
              validation.revalidate();
            });

    lists.setItems(vm.sourcingLists);
    lists.setConverter(
        MeetingEditor.converter(
            l -> m.get("meetings.participants.listItem", l.name(), l.entries())));
    lists.setPromptText(m.get("meetings.participants.listPrompt"));
    inviteList.setText(m.get("meetings.participants.inviteList"));
    inviteList.disableProperty().bind(lists.valueProperty().isNull());
    inviteList.setOnAction(e -> vm.inviteList(lists.getValue()));

    role.getItems()
        .setAll(ParticipantRole.PARTNER, ParticipantRole.EMPLOYER, ParticipantRole.STAFF);
    role.setValue(ParticipantRole.PARTNER);
    role.setConverter(MeetingEditor.converter(r -> m.get("meetings.role." + r.name())));
    extFirst.setPromptText(m.get("meetings.participants.firstName"));
    extLast.setPromptText(m.get("meetings.participants.lastName"));
    extOrg.setPromptText(m.get("meetings.participants.organisation"));
    addExternal.setText(m.get("meetings.participants.add"));
    addExternal.disableProperty().bind(extLast.textProperty().isEmpty());
    addExternal.setOnAction(e -> addExternal());
    for (TextField f : new TextField[] {extFirst, extLast, extOrg}) {
      f.textProperty()
          .addListener(
              (o, a, b) -> {
                externalProblem = null;
                validation.revalidate();
              });
    }
    validation.registerValidator(
        search,
        false,
        (javafx.scene.control.Control c, Object v) ->
            ValidationResult.fromErrorIf(c, searchProblem, searchProblem != null));
    validation.registerValidator(
        extLast,
        false,
        (javafx.scene.control.Control c, Object v) ->
            ValidationResult.fromErrorIf(c, externalProblem, externalProblem != null));

    sorted = new SortedList<>(vm.participants);
    // a reload replaces the rows: keep the counselor's place in the list
    vm.participants.addListener(
        (javafx.collections.ListChangeListener<Participant>)
            c -> {
              if (keepRow >= 0 && keepRow < table.getItems().size()) {
                table.getSelectionModel().clearAndSelect(keepRow);
                table.getFocusModel().focus(keepRow);
              }
            });
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, b) -> {
              if (b.intValue() >= 0) {
                keepRow = b.intValue();
              }
            });
    table.setItems(sorted);
    table.setPlaceholder(new Label(m.get("meetings.participants.empty")));
    // name and e-mail get the width, cut texts whole in a tooltip, phone and e-mail copied from
    // the table's menu (#19)
    ParticipantColumns.install(table, m, this::statusText, vm.message::set);
    vm.columns.remember(table, "participants");
    // at 1366×768: six rows or more (dense rows) and no sideways scroll, phone and e-mail
    // included — the columns share the width (#19)
    table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    VBox.setVgrow(table, Priority.ALWAYS);

    attendance.setText(m.get("meetings.participants.attendance"));
    for (javafx.scene.control.Control c : List2.of(attendance, role, addExternal, inviteList)) {
      c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    attendance
        .selectedProperty()
        .addListener(
            (o, a, on) -> {
              Collator c = Collator.getInstance(Locale.FRENCH);
              sorted.setComparator(on ? Comparator.comparing(Participant::printedName, c) : null);
              if (on) {
                table.requestFocus();
                // the check-list starts at the top of the alphabetical list
                keepRow = 0;
                table.getSelectionModel().clearAndSelect(0);
                table.getFocusModel().focus(0);
                table.scrollTo(0);
              }
            });
    Label hint = new Label(m.get("meetings.participants.keys"));
    hint.getStyleClass().add("text-muted");
    hint.visibleProperty().bind(attendance.selectedProperty());
    hint.managedProperty().bind(hint.visibleProperty());
    hint.setWrapText(true);

    // above the table, as a toolbar: below it they fell out of the window at 1366×768 (#19)
    javafx.scene.layout.FlowPane statusButtons = new javafx.scene.layout.FlowPane(6, 6);
    statusButtons.setId("statusButtons");
    statusButtons.getChildren().add(attendance);
    for (ParticipantStatus s :
        new ParticipantStatus[] {
          ParticipantStatus.CONFIRMED,
          ParticipantStatus.PRESENT,
          ParticipantStatus.ABSENT,
          ParticipantStatus.EXCUSED
        }) {
      Button b = new Button(m.get("meetings.status." + s.name()));
      b.setId("mark" + s.name());
      b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
      b.setOnAction(e -> mark(s));
      statusButtons.getChildren().add(b);
    }
    Button remove = new Button(m.get("meetings.participants.remove"));
    remove.setId("removeParticipant");
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> remove(table.getSelectionModel().getSelectedItem()));
    statusButtons.getChildren().add(remove);

    vm.counts.addListener((o, a, c) -> showCounts(c));
    // a new meeting's counts equal the empty ones (no change event): its capacity must still show
    vm.selected.addListener((o, a, b) -> showCounts(vm.counts.get()));
    showCounts(vm.counts.get());
    getChildren()
        .addAll(
            counts,
            // the search box's prompt says "Inviter un candidat…": no label above it, and the
            // partners' row folded — the participants' table must stay in the window at
            // 1366×768 (#19)
            search,
            hits,
            inviteRow(),
            externals,
            statusButtons,
            hint,
            undo,
            table);
  }

  /**
   * A sourcing list to invite, and the button that opens the row for partners and employers'
   * representatives (folded: as a titled pane it took a participants' row at 1366×768, #19).
   */
  private HBox inviteRow() {
    ToggleButton open = new ToggleButton(m.get("meetings.participants.addExternal.open"));
    // as wide as its prompt, growing with the pane: a long list's name does not widen the pane
    lists.setMinWidth(210);
    lists.setPrefWidth(210);
    open.setId("externalsOpen");
    open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    open.setTooltip(new javafx.scene.control.Tooltip(m.get("meetings.participants.addExternal")));
    externals.visibleProperty().bind(open.selectedProperty());
    externals.managedProperty().bind(open.selectedProperty());
    open.selectedProperty()
        .addListener(
            (o, a, on) -> {
              if (on) {
                extLast.requestFocus();
              }
            });
    lists.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(lists, Priority.ALWAYS);
    return new HBox(6, lists, inviteList, open);
  }

  private static final class List2 {
    @SafeVarargs
    static <T> java.util.List<T> of(T... items) {
      return java.util.List.of(items);
    }
  }

  private static final Map<KeyCode, ParticipantStatus> KEYS =
      Map.of(
          KeyCode.P, ParticipantStatus.PRESENT,
          KeyCode.A, ParticipantStatus.ABSENT,
          KeyCode.E, ParticipantStatus.EXCUSED,
          KeyCode.C, ParticipantStatus.CONFIRMED);

  private void onKey(KeyEvent e) {
    Participant p = table.getSelectionModel().getSelectedItem();
    if (p == null) {
      return;
    }
    ParticipantStatus s = KEYS.get(e.getCode());
    if (e.getCode() == KeyCode.SPACE) {
      s =
          p.status() == ParticipantStatus.PRESENT
              ? ParticipantStatus.ABSENT
              : ParticipantStatus.PRESENT;
    }
    if (s != null && !e.isShortcutDown()) {
      e.consume();
      int row = table.getSelectionModel().getSelectedIndex();
      vm.setStatus(p, s);
      if (row + 1 < table.getItems().size() && e.getCode() != KeyCode.SPACE) {
        keepRow = row + 1;
        table.getSelectionModel().clearAndSelect(row + 1);
        table.scrollTo(Math.max(0, row - 5));
      }
    }
  }

  private void mark(ParticipantStatus s) {
    vm.setStatus(table.getSelectionModel().getSelectedItem(), s);
  }

  private void inviteHit(CandidateHit h) {
    boolean twice = vm.participants.stream().anyMatch(p -> h.id().equals(p.candidateId()));
    if (twice) {
      searchProblem =
          m.get(
              "meetings.problem.twice",
              h.lastName().toUpperCase(Locale.FRENCH) + " " + h.firstName());
      validation.revalidate();
      search.requestFocus();
      return;
    }
    vm.inviteCandidate(h);
    picker.clear();
  }

  private void addExternal() {
    String key =
        norm(extFirst.getText()) + "|" + norm(extLast.getText()) + "|" + norm(extOrg.getText());
    boolean twice =
        vm.participants.stream()
            .filter(p -> p.candidateId() == null)
            .anyMatch(
                p ->
                    key.equals(
                        norm(p.firstName())
                            + "|"
                            + norm(p.lastName())
                            + "|"
                            + norm(p.organisation())));
    if (twice) {
      externalProblem =
          m.get(
              "meetings.problem.twice",
              extLast.getText().toUpperCase(Locale.FRENCH) + " " + extFirst.getText());
      validation.revalidate();
      return;
    }
    vm.addExternal(role.getValue(), extFirst.getText(), extLast.getText(), extOrg.getText());
    extFirst.clear();
    extLast.clear();
    extOrg.clear();
  }

  /** "NOM Prénom", and for a partner or an employer "NOM Prénom · Organisation". */
  static String nameAndOrganisation(Participant p) {
    String org = p.organisation();
    return p.role() == ParticipantRole.CANDIDATE || org == null || org.isBlank()
        ? p.printedName()
        : p.printedName() + " · " + org;
  }

  private static String norm(String s) {
    return fr.passerelle.db.TextNorm.normalize(s == null ? "" : s);
  }

  /** The status in words; a waitlisted candidate's with their rank ("En attente (rang 2)"). */
  String statusText(Participant p) {
    if (p.status() == fr.passerelle.meetings.ParticipantStatus.WAITLISTED) {
      Integer rank = fr.passerelle.meetings.WaitlistRanks.of(vm.participants).get(p.id());
      if (rank != null) {
        return m.get("meetings.status.WAITLISTED.rank", rank);
      }
    }
    return m.get("meetings.status." + p.status().name());
  }

  private void showCounts(MeetingCounts c) {
    String rate =
        c.noShowRate().isPresent() ? FrenchFormats.percent(c.noShowRate().getAsDouble()) : "—";
    Integer cap = vm.selected.get() == null ? null : vm.selected.get().capacity();
    counts.setText(
        m.get(
            "meetings.counts",
            c.invited(),
            cap == null ? "∞" : cap.toString(),
            c.confirmed(),
            c.present(),
            c.waitlisted(),
            rate));
  }

  /**
   * Takes someone off the meeting without a question, then offers "Annuler" for a few seconds (#19:
   * nothing lost by a wrong click, and no question for a frequent action).
   */
  private void remove(Participant who) {
    if (who == null) {
      return;
    }
    var meeting = vm.selected.get();
    String title = meeting == null ? "" : meeting.title();
    vm.remove(
        who,
        removed ->
            undo.show(
                m.get("meetings.removed.notice", removed.printedName(), title),
                () -> vm.restore(removed)));
  }
}
