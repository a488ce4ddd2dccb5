package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.Partner;
import fr.passerelle.meetings.PartnerKind;
import fr.passerelle.office.Office;
import fr.passerelle.ui.Messages;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The form of one meeting. Every field is checked as it changes; the reason shows next to the field
 * (ControlsFX decoration) and beside the Save button, which stays disabled until the form is valid.
 * Nothing is saved before that. The fields scroll when the pane is too short for them; the Save
 * button stays in a bar at the bottom of the pane, in the window without scrolling (#19: at
 * 1366×768 it was under the last field, below the window's edge).
 */
final class MeetingEditor extends BorderPane {
  private static final DateTimeFormatter HM = fr.passerelle.core.DateFormats.TYPED_TIME;

  private final MeetingsViewModel vm;
  private final Messages m;
  final ComboBox<MeetingKind> kind = new ComboBox<>();
  final TextField title = new TextField();
  final DatePicker date = new DatePicker();
  final TextField start = new TextField();
  final TextField end = new TextField();
  final TextField place = new TextField();
  final TextField room = new TextField();
  final TextField remote = new TextField();
  final TextField capacity = new TextField();
  final FocusFields focus;
  final ComboBox<Office> office = new ComboBox<>();
  final ComboBox<Office> coOffice = new ComboBox<>();
  final CheckBox akto = new CheckBox("Akto");
  final CheckBox fastt = new CheckBox("FASTT");
  final CheckBox capEmploi = new CheckBox("Cap emploi");
  final TextField employers = new TextField();
  final TextArea notes = new TextArea();
  final Button save = new Button();
  final Label why = new Label();
  private final ValidationSupport validation = new ValidationSupport();
  private Map<Control, String> problems = Map.of();
  private boolean loading;
  private MeetingDraft baseline;
  private Meeting loadedMeeting;
  private LocalDateTime loadedStart;
  private Office loadedHere;

  MeetingEditor(MeetingsViewModel vm) {
    this.vm = vm;
    this.m = vm.messages();
    this.focus = new FocusFields(vm.focus, m);
    kind.getItems().setAll(MeetingKind.values());
    kind.setConverter(converter(k -> m.get("meetings.kind." + k.name())));
    office.setItems(vm.officeChoices);
    coOffice.setItems(vm.officeChoices);
    office.setConverter(converter(Office::name));
    coOffice.setConverter(converter(Office::name));
    coOffice.setButtonCell(new OfficeCell());
    date.setPromptText("jj/mm/aaaa");
    start.setPromptText("09:30");
    end.setPromptText("12:00");
    capacity.setPromptText(m.get("meetings.field.capacityPrompt"));
    employers.setPromptText(m.get("meetings.field.employersPrompt"));
    // the offices may arrive after the meeting opened (both load in the background)
    vm.officeChoices.addListener(
        (javafx.collections.ListChangeListener<Office>)
            c -> {
              Meeting shown = vm.selected.get();
              if (shown != null && office.getValue() == null) {
                office.setValue(find(shown.officeId()));
              }
              if (shown != null && coOffice.getValue() == null) {
                coOffice.setValue(find(shown.coOfficeId()));
              }
            });
    // the office is known once the view has loaded: then it organises the new meeting shown
    vm.here.addListener(
        (o, a, b) -> {
          if (vm.selected.get() == null && office.getValue() == null) {
            office.setValue(b);
          }
        });
    notes.setPrefRowCount(3);
    notes.setWrapText(true);
    ids();

    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    int r = 0;
    r = row(g, r, "meetings.field.kind", kind);
    r = row(g, r, "meetings.field.title", title);
    // the date above the hours: on one line the pane (≈ 470 px at 1366×768) cut the date to "0"
    HBox hours = new HBox(6, start, new Label("–"), end);
    hours.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    javafx.scene.layout.VBox when = new javafx.scene.layout.VBox(6, date, hours);
    start.setPrefColumnCount(5);
    end.setPrefColumnCount(5);
    start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    end.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    date.setPrefWidth(150);
    date.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    r = row(g, r, "meetings.field.when", when);
    r = row(g, r, "meetings.field.place", place);
    r = row(g, r, "meetings.field.room", room);
    r = row(g, r, "meetings.field.remote", remote);
    r = row(g, r, "meetings.field.capacity", capacity);
    r = row(g, r, "meetings.field.office", office);
    r = row(g, r, "meetings.field.coOffice", coOffice);
    r = row(g, r, "meetings.field.partners", new HBox(10, akto, fastt, capEmploi));
    r = row(g, r, "meetings.field.employers", employers);
    r = row(g, r, "meetings.field.rome", focus.romeRow());
    r = row(g, r, "meetings.field.offer", focus.offer);
    row(g, r, "meetings.field.notes", notes);
    GridPane.setHgrow(title, Priority.ALWAYS);

    save.setText(m.get("meetings.save"));
    save.setDefaultButton(true);
    save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    why.getStyleClass().add("text-muted");
    why.setWrapText(true);
    g.setPadding(new Insets(10));
    ScrollPane fields = new ScrollPane(g);
    fields.setFitToWidth(true);
    fields.setId("meetingFields");
    setCenter(fields);
    setBottom(actions());

    for (Control c : List.of(kind, title, date, start, end, capacity, focus.rome)) {
      validation.registerValidator(
          c,
          false,
          (Control ctl, Object v) ->
              ValidationResult.fromErrorIf(ctl, problems.get(ctl), problems.containsKey(ctl)));
    }
    for (Observable o :
        List.of(
            kind.valueProperty(),
            title.textProperty(),
            date.valueProperty(),
            date.getEditor().textProperty(),
            start.textProperty(),
            end.textProperty(),
            capacity.textProperty(),
            vm.focus.state,
            vm.counts)) {
      o.addListener(x -> check());
    }
    check();
  }

  /** The bar of the form's actions, under its fields: always in view. */
  private HBox actions() {
    HBox bar = new HBox(10, save, why);
    bar.setId("meetingActions");
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 10, 8, 10));
    bar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
    HBox.setHgrow(why, Priority.ALWAYS);
    return bar;
  }

  private void ids() {
    kind.setId("kind");
    title.setId("title");
    date.setId("date");
    start.setId("start");
    end.setId("end");
    place.setId("place");
    room.setId("room");
    remote.setId("remote");
    capacity.setId("capacity");
    office.setId("office");
    coOffice.setId("coOffice");
    employers.setId("employers");
    notes.setId("notes");
    save.setId("save");
    why.setId("why");
  }

  private int row(GridPane g, int r, String key, javafx.scene.Node field) {
    Label l = new Label(m.get(key));
    l.setLabelFor(field);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    g.add(l, 0, r);
    g.add(field, 1, r);
    return r + 1;
  }

  /** Fills the form with a meeting, or a fresh one starting at {@code defaultStart}. */
  void load(Meeting meeting, LocalDateTime defaultStart, Office here) {
    loading = true;
    if (meeting == null) {
      kind.setValue(MeetingKind.INFO_COLLECTIVE);
      title.clear();
      date.setValue(defaultStart.toLocalDate());
      start.setText(HM.format(defaultStart.toLocalTime()));
      end.setText(HM.format(defaultStart.toLocalTime().plusHours(2)));
      for (TextField f : List.of(place, room, remote, capacity, employers)) {
        f.clear();
      }
      notes.clear();
      focus.clear();
      office.setValue(here);
      coOffice.setValue(null);
      akto.setSelected(false);
      fastt.setSelected(false);
      capEmploi.setSelected(false);
    } else {
      fill(meeting.toDraft(), key -> true);
    }
    loading = false;
    loadedMeeting = meeting;
    loadedStart = defaultStart;
    loadedHere = here;
    baseline = build();
    check();
  }

  /**
   * Sets the fields whose label keys ({@link MeetingConflict}'s) {@code which} accepts to the
   * values of {@code d}: all of them to show a meeting, or what the counselor typed kept over a
   * colleague's version after a refused save (ADR 0197).
   */
  void fill(MeetingDraft d, java.util.function.Predicate<String> which) {
    if (which.test(MeetingConflict.KIND)) {
      kind.setValue(d.kind());
    }
    if (which.test(MeetingConflict.TITLE)) {
      title.setText(d.title());
    }
    if (which.test(MeetingConflict.WHEN)) {
      date.setValue(d.startsAt().toLocalDate());
      start.setText(HM.format(d.startsAt().toLocalTime()));
      end.setText(HM.format(d.endsAt().toLocalTime()));
    }
    if (which.test(MeetingConflict.PLACE)) {
      place.setText(nz(d.place()));
    }
    if (which.test(MeetingConflict.ROOM)) {
      room.setText(nz(d.room()));
    }
    if (which.test(MeetingConflict.REMOTE)) {
      remote.setText(nz(d.remoteLink()));
    }
    if (which.test(MeetingConflict.CAPACITY)) {
      capacity.setText(d.capacity() == null ? "" : d.capacity().toString());
    }
    if (which.test(MeetingConflict.ROME) || which.test(MeetingConflict.OFFER)) {
      focus.show(
          which.test(MeetingConflict.ROME) ? d.romeCode() : focus.romeCode(),
          which.test(MeetingConflict.OFFER) ? d.offerId() : focus.offerId());
    }
    if (which.test(MeetingConflict.NOTES)) {
      notes.setText(nz(d.notes()));
    }
    if (which.test(MeetingConflict.OFFICE)) {
      office.setValue(find(d.officeId()));
    }
    if (which.test(MeetingConflict.CO_OFFICE)) {
      coOffice.setValue(find(d.coOfficeId()));
    }
    if (which.test(MeetingConflict.PARTNERS)) {
      akto.setSelected(has(d, PartnerKind.AKTO));
      fastt.setSelected(has(d, PartnerKind.FASTT));
      capEmploi.setSelected(has(d, PartnerKind.CAP_EMPLOI));
    }
    if (which.test(MeetingConflict.EMPLOYERS)) {
      employers.setText(
          String.join(
              ", ",
              d.partners().stream()
                  .filter(p -> p.kind() == PartnerKind.EMPLOYER)
                  .map(Partner::name)
                  .toList()));
    }
  }

  /**
   * True when the form differs from the meeting as loaded (or from the empty new one): what the
   * counselor typed and did not save. The organising offices the form fills in itself once they are
   * loaded are not edits.
   */
  boolean changed() {
    if (baseline == null) {
      return false;
    }
    MeetingDraft now = build();
    MeetingDraft was = baseline;
    // an office the form showed empty only because the offices were not loaded yet
    boolean officeLate =
        was.officeId() == null && (loadedMeeting == null || loadedMeeting.officeId() != null);
    boolean coOfficeLate =
        was.coOfficeId() == null && loadedMeeting != null && loadedMeeting.coOfficeId() != null;
    if (officeLate || coOfficeLate) {
      was =
          new MeetingDraft(
              officeLate ? now.officeId() : was.officeId(),
              coOfficeLate ? now.coOfficeId() : was.coOfficeId(),
              was.kind(),
              was.title(),
              was.startsAt(),
              was.endsAt(),
              was.place(),
              was.room(),
              was.remoteLink(),
              was.capacity(),
              was.romeCode(),
              was.offerId(),
              was.notes(),
              was.partners());
    }
    return !now.equals(was);
  }

  /** Drops the edits: the form shows the meeting as loaded again. */
  void discard() {
    load(loadedMeeting, loadedStart, loadedHere);
  }

  private Office find(java.util.UUID id) {
    return vm.officeChoices.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
  }

  private static boolean has(MeetingDraft meeting, PartnerKind k) {
    return meeting.partners().stream().anyMatch(p -> p.kind() == k);
  }

  /** The draft the form describes, if it is complete and valid. */
  Optional<MeetingDraft> draft() {
    return problems.isEmpty() ? Optional.ofNullable(build()) : Optional.empty();
  }

  private MeetingDraft build() {
    LocalDate d = date.getValue();
    Optional<LocalTime> s = time(start.getText());
    Optional<LocalTime> e = time(end.getText());
    Integer cap = capacity.getText().isBlank() ? null : parseInt(capacity.getText());
    List<Partner> partners = new ArrayList<>();
    if (akto.isSelected()) {
      partners.add(new Partner(PartnerKind.AKTO, null));
    }
    if (fastt.isSelected()) {
      partners.add(new Partner(PartnerKind.FASTT, null));
    }
    if (capEmploi.isSelected()) {
      partners.add(new Partner(PartnerKind.CAP_EMPLOI, null));
    }
    for (String name : employers.getText().split(",")) {
      if (!name.isBlank()) {
        partners.add(new Partner(PartnerKind.EMPLOYER, name.trim()));
      }
    }
    return new MeetingDraft(
        office.getValue() == null ? null : office.getValue().id(),
        coOffice.getValue() == null ? null : coOffice.getValue().id(),
        kind.getValue(),
        title.getText(),
        d == null || s.isEmpty() ? null : d.atTime(s.get()),
        d == null || e.isEmpty() ? null : d.atTime(e.get()),
        place.getText(),
        room.getText(),
        remote.getText(),
        cap,
        focus.romeCode(),
        focus.offerId(),
        notes.getText(),
        partners);
  }

  /** Prefills a new meeting about an occupation, or an offer (titled after it if untitled). */
  void prefill(String romeCode, fr.passerelle.meetings.OfferRef about) {
    focus.prefill(romeCode, about);
    if (about != null && title.getText().isBlank()) {
      title.setText(about.title());
    }
  }

  private void check() {
    if (loading) {
      return;
    }
    Map<Control, String> p = new LinkedHashMap<>();
    if (time(start.getText()).isEmpty()) {
      p.put(start, m.get("meetings.problem.time"));
    }
    if (time(end.getText()).isEmpty()) {
      p.put(end, m.get("meetings.problem.time"));
    }
    if (!capacity.getText().isBlank() && parseInt(capacity.getText()) == null) {
      p.put(capacity, m.get("meetings.problem.number"));
    }
    if (date.getValue() == null) {
      p.put(date, m.get("meetings.problem.START_REQUIRED"));
    }
    if (vm.focus.state.get() == FocusModel.State.UNKNOWN) {
      p.put(focus.rome, m.get("meetings.problem.romeUnknown", focus.romeCode()));
    }
    MeetingDraft d = build();
    Meeting current = vm.selected.get();
    boolean startChanged =
        current == null || d.startsAt() == null || !d.startsAt().equals(current.startsAt());
    for (MeetingDraft.Problem pr :
        d.problems(vm.now(), startChanged, vm.counts.get().confirmed())) {
      Control c =
          switch (pr.field()) {
            case "title" -> title;
            case "kind" -> kind;
            case "start" -> date.getValue() == null ? date : start;
            case "end" -> end;
            case "place" -> place;
            case "room" -> room;
            case "remoteLink" -> remote;
            case "notes" -> notes;
            case "partners" -> employers;
            default -> capacity;
          };
      String text =
          m.get(
              "meetings.problem." + pr.name(),
              vm.counts.get().confirmed(),
              String.valueOf(d.controlCharacter(pr)));
      p.putIfAbsent(c, text);
    }
    problems = p;
    validation.revalidate();
    // ControlsFX may validate a field before this check ran: settle on the final state
    javafx.application.Platform.runLater(validation::revalidate);
    save.setDisable(!p.isEmpty());
    why.setText(p.isEmpty() ? "" : m.get("meetings.cannotSave", String.join(" · ", p.values())));
  }

  private static Optional<LocalTime> time(String text) {
    try {
      return Optional.of(LocalTime.parse(text.trim().replace('h', ':'), HM));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Integer parseInt(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : f.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }

  private final class OfficeCell extends ListCell<Office> {
    @Override
    protected void updateItem(Office o, boolean empty) {
      super.updateItem(o, empty);
      setText(empty || o == null ? m.get("meetings.field.none") : o.name());
    }
  }
}
