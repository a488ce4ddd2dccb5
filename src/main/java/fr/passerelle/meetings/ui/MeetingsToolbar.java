package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.office.Office;
import fr.passerelle.ui.Messages;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top of the Meetings view: "new meeting", calendar or list, the filters (kind, occupation,
 * office, status) and the next meeting's attendance at a glance (click: open it).
 */
final class MeetingsToolbar extends VBox {
  final Label nextMeeting = new Label();

  /** True when the list is shown instead of the calendar. */
  final ReadOnlyBooleanProperty listMode;

  private final MeetingsViewModel vm;
  private final Messages m;

  MeetingsToolbar(MeetingsViewModel vm, Runnable newMeeting) {
    this.vm = vm;
    this.m = vm.messages();
    Button create = new Button(m.get("meetings.new"));
    create.setId("newMeeting");
    create.getStyleClass().add("accent");
    create.setOnAction(e -> newMeeting.run());
    ToggleGroup mode = new ToggleGroup();
    ToggleButton cal = new ToggleButton(m.get("meetings.mode.calendar"));
    ToggleButton lst = new ToggleButton(m.get("meetings.mode.list"));
    cal.setId("modeCalendar");
    lst.setId("modeList");
    cal.setToggleGroup(mode);
    lst.setToggleGroup(mode);
    cal.setSelected(true);
    listMode = lst.selectedProperty();
    mode.selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) a.setSelected(true);
            });

    // one line at 1366×768 (#19: it wrapped): the filters say what they filter in their prompt
    // ("Type", "Agence"…) and to a screen reader ("Filtrer : Type"); the buttons keep their text
    for (var b : List.of(create, cal, lst)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar = new HBox(8, create, cal, lst);
    bar.getChildren().addAll(filters());
    bar.setAlignment(Pos.CENTER_LEFT);
    nextMeeting.setId("nextMeeting");
    // one line at 1366×768 (#19: in the title font it took two, and the participants' table the
    // height): the date and the counts first, the title last; the whole line in the tooltip
    nextMeeting.getStyleClass().add("text-bold");
    nextMeeting.setWrapText(false);
    nextMeeting.setMinWidth(0);
    Tooltip whole = new Tooltip();
    whole.textProperty().bind(nextMeeting.textProperty());
    nextMeeting.setTooltip(whole);
    nextMeeting.setOnMouseClicked(
        e -> {
          if (vm.next.get() != null) vm.open(vm.next.get().meeting().id());
        });
    // while the meetings are read the first time, a progress, not "Aucune réunion prévue" (#19)
    javafx.scene.control.ProgressIndicator reading = new javafx.scene.control.ProgressIndicator();
    reading.setPrefSize(14, 14);
    Runnable say =
        () -> {
          boolean loaded = vm.loaded.get();
          nextMeeting.setText(loaded ? nextText(vm.next.get()) : m.get("meetings.loading"));
          nextMeeting.setGraphic(loaded ? null : reading);
        };
    vm.next.addListener((o, a, n) -> say.run());
    vm.loaded.addListener((o, a, b) -> say.run());
    say.run();
    setSpacing(6);
    getChildren().addAll(bar, nextMeeting);
    setPadding(new Insets(10));
  }

  private List<javafx.scene.Node> filters() {
    ComboBox<MeetingKind> kind = new ComboBox<>();
    kind.getItems().add(null);
    kind.getItems().addAll(MeetingKind.values());
    kind.setConverter(MeetingEditor.converter(k -> m.get("meetings.kind." + k.name())));
    kind.setPromptText(m.get("meetings.filter.kind"));
    kind.setId("filterKind");
    ComboBox<MeetingStatus> status = new ComboBox<>();
    status.getItems().add(null);
    status.getItems().addAll(MeetingStatus.values());
    status.setConverter(MeetingEditor.converter(s -> m.get("meetings.mstatus." + s.name())));
    status.setPromptText(m.get("meetings.filter.status"));
    ComboBox<Office> office = new ComboBox<>(vm.officeChoices);
    office.setConverter(MeetingEditor.converter(Office::name));
    office.setPromptText(m.get("meetings.filter.office"));
    TextField rome = new TextField();
    rome.setPromptText(m.get("meetings.filter.rome"));
    rome.setPrefColumnCount(6);
    rome.setMinWidth(70);
    // the kind's longest name whole ("Recrutement par simulation (MRS)"); an office's long name
    // shrinks first, whole in its tooltip
    kind.setMinWidth(Region.USE_PREF_SIZE);
    status.setMinWidth(Region.USE_PREF_SIZE);
    office.setMinWidth(120);
    office.setPrefWidth(210);
    office.setMaxWidth(210);
    office
        .tooltipProperty()
        .bind(
            javafx.beans.binding.Bindings.createObjectBinding(
                () -> office.getValue() == null ? null : new Tooltip(office.getValue().name()),
                office.valueProperty()));
    kind.setAccessibleText(m.get("meetings.filter") + " " + m.get("meetings.filter.kind"));
    status.setAccessibleText(m.get("meetings.filter") + " " + m.get("meetings.filter.status"));
    office.setAccessibleText(m.get("meetings.filter") + " " + m.get("meetings.filter.office"));
    rome.setAccessibleText(m.get("meetings.filter") + " " + m.get("meetings.filter.rome"));
    kind.valueProperty().bindBidirectional(vm.kindFilter);
    status.valueProperty().bindBidirectional(vm.statusFilter);
    office.valueProperty().bindBidirectional(vm.officeFilter);
    rome.textProperty().bindBidirectional(vm.romeFilter);
    Button reset = new Button(m.get("meetings.filter.reset"));
    reset.setMinWidth(Region.USE_PREF_SIZE);
    reset.setOnAction(
        e -> {
          kind.setValue(null);
          status.setValue(null);
          office.setValue(null);
          rome.clear();
        });
    for (var p : List.of(vm.kindFilter, vm.statusFilter, vm.officeFilter)) {
      p.addListener(x -> vm.refresh());
    }
    rome.setOnAction(e -> vm.refresh());
    return List.of(kind, rome, office, status, reset);
  }

  private String nextText(MeetingSummary n) {
    if (n == null) {
      return m.get("meetings.next.none");
    }
    Meeting mt = n.meeting();
    return m.get(
        "meetings.next",
        mt.title(),
        FrenchFormats.date(mt.startsAt().toLocalDate()),
        FrenchFormats.time(mt.startsAt().toLocalTime()),
        n.counts().invited(),
        n.counts().confirmed(),
        n.counts().waitlisted());
  }
}
