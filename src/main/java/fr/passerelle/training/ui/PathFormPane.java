package fr.passerelle.training.ui;

import fr.passerelle.occupations.OccupationHit;
import fr.passerelle.training.CandidateRef;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.MeetingRef;
import fr.passerelle.training.PathOffer;
import fr.passerelle.training.RuleWarning;
import fr.passerelle.ui.Messages;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The new-path form, shown in place of the detail pane. */
final class PathFormPane extends VBox {
  PathFormPane(PathFormViewModel f, Messages m, Consumer<PathFormViewModel> save, Runnable cancel) {
    super(8);
    setId("path-form");
    setPadding(new Insets(8));
    setPrefWidth(380);
    Label title = new Label(m.get("training.form.title"));
    title.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    int row = 0;
    TextField candSearch = new TextField();
    candSearch.setId("form-candidate-search");
    candSearch.setPromptText(m.get("training.form.candidate.prompt"));
    candSearch.textProperty().addListener((o, a, t) -> f.searchCandidates(t));
    ComboBox<CandidateRef> cand = new ComboBox<>(f.candidates);
    cand.setId("form-candidate");
    cand.valueProperty().bindBidirectional(f.candidate);
    g.addRow(row++, new Label(m.get("training.form.candidate")), new VBox(4, candSearch, cand));
    g.addRow(row++, new Label(m.get("training.form.from")), occupation(f, m, f.from, "form-from"));
    g.addRow(
        row++, new Label(m.get("training.form.target")), occupation(f, m, f.target, "form-target"));
    g.addRow(row++, new Label(m.get("training.form.trainingTitle")), text(f.title, "form-title"));
    g.addRow(row++, new Label(m.get("training.form.provider")), text(f.provider, "form-provider"));
    g.addRow(row++, new Label(m.get("training.form.place")), text(f.place, "form-place"));
    g.addRow(row++, new Label(m.get("training.form.hours")), text(f.hours, "form-hours"));
    DatePicker start = new DatePicker();
    start.setId("form-start");
    start.valueProperty().bindBidirectional(f.startsOn);
    DatePicker end = new DatePicker();
    end.setId("form-end");
    end.valueProperty().bindBidirectional(f.endsOn);
    g.addRow(row++, new Label(m.get("training.form.dates")), new HBox(4, start, end));
    ComboBox<FundingScheme> scheme =
        new ComboBox<>(FXCollections.observableArrayList(FundingScheme.values()));
    scheme.setId("form-scheme");
    scheme.setConverter(TrainingView.converter(x -> m.get("training.scheme." + x.name())));
    scheme.valueProperty().bindBidirectional(f.scheme);
    g.addRow(
        row++,
        new Label(m.get("training.scheme")),
        new HBox(4, scheme, text(f.amount, "form-amount")));
    ComboBox<PathOffer> offer = new ComboBox<>(f.offers);
    offer.setId("form-offer");
    offer.valueProperty().bindBidirectional(f.offer);
    offer.setConverter(
        TrainingView.converter(
            o ->
                o == null
                    ? ""
                    : o.openedOn() == null
                        ? o.title()
                        : o.title()
                            + " ("
                            + fr.passerelle.meetings.FrenchFormats.date(o.openedOn())
                            + ")"));
    g.addRow(row++, new Label(m.get("training.form.offer")), offer);
    ComboBox<MeetingRef> meeting = new ComboBox<>(f.meetings);
    meeting.setId("form-meeting");
    meeting.valueProperty().bindBidirectional(f.meeting);
    meeting.setConverter(
        TrainingView.converter(
            x ->
                x == null
                    ? ""
                    : x.title()
                        + (x.startsAt() == null ? "" : " · " + x.startsAt().toLocalDate())));
    meeting.setPromptText(m.get("training.form.meeting.prompt"));
    g.addRow(row++, new Label(m.get("training.form.meeting")), meeting);
    g.addRow(row++, new Label(m.get("training.form.note")), text(f.note, "form-note"));
    VBox warnings = new VBox(2);
    warnings.setId("form-warnings");
    f.warnings()
        .addListener(
            (javafx.collections.ListChangeListener<RuleWarning>)
                c -> {
                  warnings.getChildren().clear();
                  for (RuleWarning w : f.warnings()) {
                    Label l = new Label("⚠ " + w.message());
                    l.setWrapText(true);
                    l.setStyle("-fx-text-fill: -color-warning-fg;");
                    warnings.getChildren().add(l);
                  }
                });
    Label invalid = new Label();
    invalid.setId("form-invalid");
    invalid.setWrapText(true);
    invalid.textProperty().bind(f.invalid());
    Button ok = new Button(m.get("training.form.save"));
    ok.setId("form-save");
    ok.setDefaultButton(true);
    ok.disableProperty().bind(f.invalid().isNotNull());
    ok.setOnAction(e -> save.accept(f));
    Button no = new Button(m.get("training.form.cancel"));
    no.setCancelButton(true);
    no.setOnAction(e -> cancel.run());
    // the labels keep their words; the fields take what width is left
    for (javafx.scene.Node n : g.getChildren()) {
      if (n instanceof Label l
          && GridPane.getColumnIndex(n) != null
          && GridPane.getColumnIndex(n) == 0) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
    }
    getChildren().addAll(title, g, warnings, invalid, new HBox(6, ok, no));
  }

  private static TextField text(javafx.beans.property.StringProperty p, String id) {
    TextField t = new TextField();
    t.setId(id);
    t.textProperty().bindBidirectional(p);
    return t;
  }

  /**
   * An occupation field: typed words show suggestions under it; the occupation is the one the
   * counselor picks (click, or ↓ then Enter), never the first suggestion on its own.
   */
  private static VBox occupation(
      PathFormViewModel f,
      Messages m,
      javafx.beans.property.ObjectProperty<OccupationHit> into,
      String id) {
    TextField search = new TextField();
    search.setId(id + "-search");
    search.setPromptText(m.get("training.form.occupation.prompt"));
    javafx.scene.control.ListView<OccupationHit> suggestions =
        new javafx.scene.control.ListView<>();
    suggestions.setId(id + "-suggestions");
    suggestions.setPrefHeight(120);
    suggestions.setMinHeight(120);
    suggestions.setManaged(false);
    suggestions.setVisible(false);
    suggestions.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(OccupationHit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.display());
              }
            });
    Consumer<java.util.List<OccupationHit>> show =
        list -> {
          suggestions.getItems().setAll(list);
          suggestions.setManaged(!list.isEmpty());
          suggestions.setVisible(!list.isEmpty());
        };
    Runnable pick =
        () -> {
          OccupationHit h = suggestions.getSelectionModel().getSelectedItem();
          if (h != null) {
            into.set(h);
            show.accept(java.util.List.of());
            search.clear();
          }
        };
    Label chosen = new Label();
    chosen.setId(id);
    chosen.setWrapText(true);
    chosen
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> into.get() == null ? "—" : into.get().romeCode() + " " + into.get().label(),
                into));
    javafx.animation.PauseTransition pause =
        new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
    pause.setOnFinished(
        e -> {
          if (search.getText().isBlank()) {
            show.accept(java.util.List.of());
          } else {
            f.searchOccupations(search.getText(), show, into);
          }
        });
    search.textProperty().addListener((o, a, b) -> pause.playFromStart());
    search.setOnKeyPressed(
        e -> {
          if ((e.getCode() == javafx.scene.input.KeyCode.DOWN
                  || e.getCode() == javafx.scene.input.KeyCode.ENTER)
              && !suggestions.getItems().isEmpty()) {
            suggestions.requestFocus();
            suggestions.getSelectionModel().selectFirst();
            e.consume();
          } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            f.searchOccupations(search.getText(), show, into);
            e.consume();
          }
        });
    suggestions.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            pick.run();
            search.requestFocus();
            e.consume();
          } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
            show.accept(java.util.List.of());
            search.requestFocus();
            e.consume();
          }
        });
    suggestions.setOnMouseClicked(e -> pick.run());
    return new VBox(2, search, suggestions, chosen);
  }
}
