package fr.passerelle.training.ui;

import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.training.Outcome;
import fr.passerelle.training.RuleWarning;
import fr.passerelle.training.TrainingEvent;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected path: its fields, rule warnings, moves, outcome and the candidate's timeline. */
final class PathDetailPane extends VBox {
  private static final DateTimeFormatter AT =
      fr.passerelle.core.DateFormats.dateTime(Locale.FRANCE);
  private final Messages m;
  private final TrainingBoardViewModel vm;
  private final Label header = new Label();
  private final Label facts = new Label();
  private final VBox warningBox = new VBox(2);

  PathDetailPane(TrainingBoardViewModel vm, Messages m) {
    super(8);
    this.m = m;
    this.vm = vm;
    setId("path-detail");
    setPadding(new Insets(8));
    setPrefWidth(380);
    header.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
    header.setWrapText(true);
    facts.setWrapText(true);
    facts.setId("path-facts");
    vm.warnings()
        .addListener(
            (javafx.collections.ListChangeListener<RuleWarning>)
                c -> {
                  warningBox.getChildren().clear();
                  for (RuleWarning w : vm.warnings()) {
                    Label l = new Label("⚠ " + w.message());
                    l.setWrapText(true);
                    l.getStyleClass().add("rule-warning");
                    l.setStyle("-fx-text-fill: -color-warning-fg;");
                    warningBox.getChildren().add(l);
                  }
                });
    warningBox.setId("path-warnings");
    // move
    // only the steps this path may go to: a training not begun is never offered "Terminé"
    ComboBox<TrainingStatus> to = new ComboBox<>(vm.moveTargets());
    to.setId("move-to");
    to.setConverter(TrainingView.converter(s -> m.get("training.status." + s.name())));
    TextField note = new TextField();
    note.setId("move-note");
    note.setPromptText(m.get("training.move.note"));
    Button move = new Button(m.get("training.move"));
    move.setId("move-button");
    move.disableProperty().bind(to.valueProperty().isNull());
    move.setOnAction(
        e -> {
          vm.move(vm.selected().get(), to.getValue(), note.getText());
          note.clear();
        });
    // skip confirmation
    Label skip = new Label();
    skip.setWrapText(true);
    skip.setId("skip-message");
    Button confirm = new Button(m.get("training.confirm.yes"));
    confirm.setId("skip-confirm");
    confirm.setOnAction(e -> vm.confirmPending());
    Button cancel = new Button(m.get("training.confirm.no"));
    cancel.setOnAction(e -> vm.cancelPending());
    VBox skipBox = new VBox(4, skip, new HBox(6, confirm, cancel));
    skipBox.setStyle("-fx-background-color: -color-warning-subtle; -fx-padding: 6;");
    skipBox.visibleProperty().bind(vm.pending().isNotNull());
    skipBox.managedProperty().bind(skipBox.visibleProperty());
    vm.pending().addListener((o, a, p) -> skip.setText(p == null ? "" : p.message()));
    // outcome
    ComboBox<Outcome> outcome = new ComboBox<>(FXCollections.observableArrayList(Outcome.values()));
    outcome.setId("outcome");
    outcome.setConverter(TrainingView.converter(x -> m.get("training.outcome." + x.name())));
    outcome.valueProperty().bindBidirectional(vm.outcomeChoice());
    DatePicker outcomeOn = new DatePicker();
    outcomeOn.setId("outcome-date");
    outcomeOn.setPrefWidth(150);
    outcomeOn.valueProperty().bindBidirectional(vm.outcomeDate());
    Button saveOutcome = new Button(m.get("training.outcome.save"));
    saveOutcome.setId("outcome-save");
    saveOutcome
        .disableProperty()
        .bind(outcome.valueProperty().isNull().or(outcomeOn.valueProperty().isNull()));
    saveOutcome.setOnAction(e -> vm.saveOutcome());
    // replacing a recorded outcome asks first, naming both
    Label replace = new Label();
    replace.setWrapText(true);
    replace.setId("outcome-replace-message");
    replace.textProperty().bind(vm.outcomeReplace());
    Button replaceYes = new Button(m.get("training.outcome.replace.yes"));
    replaceYes.setId("outcome-replace-confirm");
    replaceYes.setOnAction(e -> vm.confirmReplaceOutcome());
    Button replaceNo = new Button(m.get("training.confirm.no"));
    replaceNo.setId("outcome-replace-cancel");
    replaceNo.setCancelButton(false);
    replaceNo.setDefaultButton(false);
    replaceNo.setOnAction(e -> vm.cancelReplaceOutcome());
    VBox replaceBox = new VBox(4, replace, new HBox(6, replaceYes, replaceNo));
    replaceBox.setStyle("-fx-background-color: -color-warning-subtle; -fx-padding: 6;");
    replaceBox.visibleProperty().bind(vm.outcomeReplace().isNotNull());
    replaceBox.managedProperty().bind(replaceBox.visibleProperty());
    // timeline
    ListView<TrainingEvent> timeline = new ListView<>(vm.timeline());
    timeline.setId("timeline");
    timeline.setPlaceholder(new Label(m.get("training.timeline.empty")));
    timeline.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(TrainingEvent ev, boolean empty) {
                super.updateItem(ev, empty);
                if (empty || ev == null) {
                  setText(null);
                  return;
                }
                String when =
                    ev.at() == null ? "" : AT.format(ev.at().atZone(ZoneId.of("Europe/Paris")));
                String step =
                    (ev.from() == null ? "" : m.get("training.status." + ev.from().name()) + " → ")
                        + m.get("training.status." + ev.to().name());
                setText(
                    when
                        + " · "
                        + ev.pathTitle()
                        + "\n"
                        + step
                        + (ev.note() == null ? "" : "\n« " + ev.note() + " »"));
                setWrapText(true);
                setPrefWidth(0);
              }
            });
    VBox.setVgrow(timeline, Priority.ALWAYS);
    Label empty = new Label(m.get("training.detail.empty"));
    empty.setWrapText(true);
    VBox content =
        new VBox(
            8,
            header,
            facts,
            warningBox,
            new Label(m.get("training.move.title")),
            new HBox(6, to, move),
            note,
            skipBox,
            new Label(m.get("training.outcome.title")),
            new HBox(6, outcome, outcomeOn),
            saveOutcome,
            replaceBox,
            new Label(m.get("training.timeline.title")),
            timeline);
    VBox.setVgrow(content, Priority.ALWAYS);
    content.visibleProperty().bind(vm.selected().isNotNull());
    content.managedProperty().bind(content.visibleProperty());
    empty.visibleProperty().bind(vm.selected().isNull());
    empty.managedProperty().bind(empty.visibleProperty());
    getChildren().addAll(empty, content);
    vm.selected().addListener((o, a, p) -> show(p));
  }

  private void show(TrainingPath p) {
    if (p == null) {
      return;
    }
    header.setText(p.candidateName() + " — " + p.title());
    StringBuilder b = new StringBuilder();
    b.append(m.get("training.status.label"))
        .append(" : ")
        .append(m.get("training.status." + p.status().name()))
        .append('\n');
    if (p.fromRomeCode() != null || p.targetRomeCode() != null) {
      b.append(m.get("training.reconversion"))
          .append(" : ")
          .append(p.fromRomeCode() == null ? "?" : p.fromRomeCode())
          .append(" → ")
          .append(p.targetRomeCode() == null ? "?" : p.targetRomeCode())
          .append(p.targetLabel() == null ? "" : " " + p.targetLabel())
          .append('\n');
    }
    if (p.provider() != null || p.place() != null) {
      b.append(p.provider() == null ? "" : p.provider())
          .append(p.place() == null ? "" : " · " + p.place())
          .append('\n');
    }
    if (p.startsOn() != null || p.endsOn() != null) {
      b.append(p.startsOn() == null ? "?" : FrenchFormats.date(p.startsOn()))
          .append(" → ")
          .append(p.endsOn() == null ? "?" : FrenchFormats.date(p.endsOn()))
          .append(p.hours() == null ? "" : " · " + p.hours() + " h")
          .append('\n');
    }
    if (p.scheme() != null) {
      b.append(m.get("training.scheme"))
          .append(" : ")
          .append(vm.schemeLabel(p.scheme()))
          .append(p.amount() == null ? "" : String.format(Locale.FRANCE, " · %,.2f €", p.amount()))
          .append('\n');
    }
    if (p.meetingId() != null) {
      b.append(m.get("training.meeting.linked")).append('\n');
    }
    if (p.outcome() != null) {
      b.append(m.get("training.outcome.title"))
          .append(" : ")
          .append(m.get("training.outcome." + p.outcome().name()))
          .append(" (")
          .append(FrenchFormats.date(p.outcomeOn()))
          .append(")\n");
    } else if (p.outcomeDueOn() != null) {
      b.append(m.get("training.outcome.dueOn", FrenchFormats.date(p.outcomeDueOn()))).append('\n');
    }
    facts.setText(b.toString().strip());
  }
}
