package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.ReferenceLookup;
import fr.passerelle.occupations.OccupationHit;
import fr.passerelle.occupations.OccupationService;
import fr.passerelle.ui.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;

/**
 * The detail form, edited in place: identity, contact, commune, mobility, availability, status,
 * target occupations, priority criteria (sensitive ones masked until revealed), consents. Save and
 * Cancel at the bottom.
 */
final class CandidateDetailPane extends BorderPane {
  final TextField lastName = new TextField();
  final TextField firstName = new TextField();
  final Button save;
  final Button cancel;
  final ToggleButton reveal;

  /** The person's rights (export everything, erase): shown to accounts that hold them. */
  final javafx.scene.control.MenuButton rights;

  final javafx.scene.control.MenuItem exportAll;
  final javafx.scene.control.MenuItem erase;
  private final CandidateDetailViewModel vm;
  private final Messages msg;
  private final BooleanProperty revealed = new SimpleBooleanProperty();
  private final GridPane grid = new GridPane();
  private int row;

  CandidateDetailPane(
      CandidateDetailViewModel vm,
      Messages msg,
      Supplier<ReferenceLookup> reference,
      OccupationService occupations) {
    this.vm = vm;
    this.msg = msg;
    getStyleClass().add("candidate-detail");
    grid.setHgap(8);
    grid.setVgap(6);
    grid.setPadding(new Insets(8));

    section("candidates.section.identity");
    ComboBox<fr.passerelle.candidates.Civility> civility = new ComboBox<>();
    civility.getItems().add(null);
    civility.getItems().addAll(fr.passerelle.candidates.Civility.values());
    civility.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(fr.passerelle.candidates.Civility c) {
            return msg.get("candidates.civility." + (c == null ? "none" : c.name()));
          }

          @Override
          public fr.passerelle.candidates.Civility fromString(String s) {
            return null;
          }
        });
    civility.valueProperty().bindBidirectional(vm.civility());
    field("civility", "candidates.field.civility", civility);
    lastName.textProperty().bindBidirectional(vm.lastName());
    firstName.textProperty().bindBidirectional(vm.firstName());
    field("last_name", "candidates.field.lastName", lastName);
    field("first_name", "candidates.field.firstName", firstName);
    DatePicker birth = datePicker();
    birth.valueProperty().bindBidirectional(vm.birthDate());
    Label age = new Label();
    age.setId("candidate-age");
    age.getStyleClass().add("muted");
    age.setMinWidth(Region.USE_PREF_SIZE);
    age.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.ageText(vm.birthDate().get()), vm.birthDate()));
    // under the date, not beside it: the form keeps its width (no horizontal scroll at 1366)
    VBox birthLine = new VBox(2, birth, age);
    birthLine.setId("candidate-birth-line");
    birth.setId("candidate-birth-date");
    field("birth_date", "candidates.field.birthDate", birthLine);
    TextField ftId = bound(vm.franceTravailId());
    ftId.setPromptText(msg.get("candidates.field.ftIdPrompt"));
    ftId.setPrefColumnCount(10);
    field("ft_identifier", "candidates.field.ftId", ftId);

    section("candidates.section.contact");
    field("email", "candidates.field.email", bound(vm.email()));
    field("phone", "candidates.field.phone", bound(vm.phone()));
    field("address", "candidates.field.address", bound(vm.address()));
    TextField commune = new TextField();
    Label communeName = new Label();
    communeName.getStyleClass().add("muted");
    commune.setPromptText(msg.get("candidates.field.communePrompt"));
    commune.textProperty().bindBidirectional(vm.communeCode());
    commune
        .textProperty()
        .addListener(
            (o, a, b) ->
                communeName.setText(
                    reference
                        .get()
                        .commune(b)
                        .map(c -> c.name() + " (" + c.postalCodes().split("\\|")[0] + ")")
                        .orElse("")));
    CommuneCompletion.bind(commune, reference, vm.communeCode()::set);
    field("commune", "candidates.field.commune", new HBox(6, commune, communeName));
    TextField km = bound(vm.mobilityKm());
    km.setPrefColumnCount(4);
    CheckBox licence = new CheckBox(msg.get("candidates.field.drivingLicence"));
    licence.selectedProperty().bindBidirectional(vm.drivingLicence());
    field("mobility_km", "candidates.field.mobilityKm", new HBox(8, km, new Label("km"), licence));

    section("candidates.section.situation");
    DatePicker available = datePicker();
    available.valueProperty().bindBidirectional(vm.availableFrom());
    field("available_from", "candidates.field.availableFrom", available);
    ComboBox<CandidateStatus> status = new ComboBox<>();
    status.getItems().setAll(CandidateStatus.values());
    status.setConverter(enumText("candidates.status."));
    status.valueProperty().bindBidirectional(vm.status());
    field("status", "candidates.field.status", status);

    section("candidates.section.occupations");
    field("occupations", "candidates.field.occupations", occupationsEditor(occupations));

    section("candidates.section.criteria");
    reveal = new ToggleButton(msg.get("candidates.criteria.reveal"));
    reveal.setId("candidate-reveal");
    revealed.bind(vm.sensitiveShown());
    vm.sensitiveShown().addListener((o, a, b) -> reveal.setSelected(b));
    reveal.setOnAction(
        e -> {
          if (reveal.isSelected()) {
            reveal.setSelected(false); // selected once the service has shown them
            vm.showSensitive();
          } else {
            vm.hideSensitive();
          }
        });
    boolean allowed = vm.sensitiveAllowed();
    reveal.setDisable(!allowed);
    reveal.setTooltip(
        new Tooltip(
            msg.get(allowed ? "candidates.criteria.revealTip" : "candidates.criteria.notAllowed")));
    grid.add(reveal, 1, row++);
    for (CriterionRow r : vm.criteria()) {
      criterion(r);
    }

    section("candidates.section.consent");
    CheckBox share = new CheckBox(msg.get("candidates.consent.share"));
    share.setId("candidate-consent-share");
    share.selectedProperty().bindBidirectional(vm.consentShare());
    CheckBox sensitive = new CheckBox(msg.get("candidates.consent.sensitive"));
    sensitive.setId("candidate-consent-sensitive");
    sensitive.selectedProperty().bindBidirectional(vm.consentSensitive());
    // agreed "also": there is nothing to agree to while the sharing itself is not
    sensitive.disableProperty().bind(vm.consentShare().not());
    Label info = new Label();
    info.setId("candidate-consent-info");
    info.textProperty().bind(vm.consentInfo());
    info.getStyleClass().add("muted");
    info.setWrapText(true);
    grid.add(new VBox(4, share, sensitive, info), 0, row++, 2, 1);
    TextArea notes = new TextArea();
    notes.textProperty().bindBidirectional(vm.notes());
    notes.setPrefRowCount(3);
    notes.setWrapText(true);
    field("notes", "candidates.field.notes", notes);

    ScrollPane scroll = new ScrollPane(grid);
    scroll.setId("candidate-form");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    setCenter(scroll);

    save = new Button(msg.get("candidates.save"));
    save.setDefaultButton(false);
    save.getStyleClass().add("accent");
    save.disableProperty().bind(vm.dirty().not().or(vm.busy()));
    cancel = new Button(msg.get("candidates.cancel"));
    cancel.disableProperty().bind(vm.dirty().not().or(vm.busy()));
    cancel.setOnAction(e -> vm.cancel());
    // the buttons keep their whole text at 1366×768; the message beside them wraps instead
    save.setMinWidth(Region.USE_PREF_SIZE);
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    Label message = new Label();
    message.setMinWidth(0);
    message.textProperty().bind(vm.message());
    message.setWrapText(true);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    exportAll = new javafx.scene.control.MenuItem(msg.get("rights.exportAll"));
    erase = new javafx.scene.control.MenuItem(msg.get("rights.erase"));
    rights = new javafx.scene.control.MenuButton(msg.get("rights.menu"), null, exportAll, erase);
    rights.setId("person-rights");
    rights.setMinWidth(Region.USE_PREF_SIZE); // the message beside it shrinks, not the menu
    rights.setVisible(false);
    rights.managedProperty().bind(rights.visibleProperty());
    // a saved file only, with nothing unsaved on screen
    rights
        .disableProperty()
        .bind(
            vm.loaded()
                .isNull()
                .or(vm.dirty())
                .or(vm.busy())
                .or(
                    javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> vm.loaded().get() == null || vm.loaded().get().id() == null,
                        vm.loaded())));
    HBox bar = new HBox(8, rights, message, grow, cancel, save);
    bar.setAlignment(Pos.CENTER_RIGHT);
    bar.setPadding(new Insets(8));
    setBottom(bar);
  }

  private void section(String key) {
    Label l = new Label(msg.get(key));
    l.getStyleClass().addAll("title-4", "section");
    l.setPadding(new Insets(row == 0 ? 0 : 10, 0, 0, 0));
    grid.add(l, 0, row++, 2, 1);
  }

  private void field(String field, String key, Node control) {
    if (control.getId() == null) {
      control.setId("candidate-" + field.replace('_', '-')); // a handle for UI tests
    }
    Label label = new Label(msg.get(key));
    label.setMnemonicParsing(true);
    label.setLabelFor(control);
    label.setMinWidth(Region.USE_PREF_SIZE);
    Label error = new Label();
    error.getStyleClass().add("danger");
    error.setStyle("-fx-text-fill: #cf222e;");
    vm.fieldErrors()
        .addListener(
            (javafx.collections.MapChangeListener<String, String>)
                c -> error.setText(vm.fieldErrors().getOrDefault(field, "")));
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    error.visibleProperty().bind(error.managedProperty());
    grid.add(label, 0, row);
    grid.add(new VBox(2, control, error), 1, row++);
    GridPane.setHgrow(control, Priority.ALWAYS);
  }

  private TextField bound(javafx.beans.property.StringProperty p) {
    TextField t = new TextField();
    t.textProperty().bindBidirectional(p);
    return t;
  }

  private Node occupationsEditor(OccupationService occupations) {
    ListView<CandidateDetail.TargetOccupation> list = new ListView<>(vm.occupations());
    list.setPrefHeight(110);
    list.setPlaceholder(new Label(msg.get("candidates.occupations.none")));
    list.setCellFactory(
        l ->
            new ListCell<>() {
              {
                // a long occupation wraps at the list's width: no sideways scroll in the file
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(CandidateDetail.TargetOccupation o, boolean empty) {
                super.updateItem(o, empty);
                setText(
                    empty || o == null
                        ? null
                        : msg.get(
                            "candidates.occupations.item",
                            o.romeCode(),
                            o.label() == null ? "" : o.label(),
                            o.experienceYears() == null ? 0 : o.experienceYears()));
              }
            });
    TextField search = new TextField();
    search.setPromptText(msg.get("candidates.occupations.prompt"));
    final OccupationHit[] picked = new OccupationHit[1];
    TextFields.bindAutoCompletion(
            search,
            req ->
                req.getUserText() == null || req.getUserText().trim().length() < 2
                    ? List.<OccupationHit>of()
                    : occupations.search(req.getUserText(), 15),
            new StringConverter<OccupationHit>() {
              @Override
              public String toString(OccupationHit h) {
                return h == null ? "" : h.display();
              }

              @Override
              public OccupationHit fromString(String s) {
                return null;
              }
            })
        .setOnAutoCompleted(e -> picked[0] = e.getCompletion());
    Spinner<Integer> years = new Spinner<>(0, 60, 0);
    years.setPrefWidth(80);
    years.setEditable(true);
    Button add = new Button(msg.get("candidates.occupations.add"));
    add.setOnAction(
        e -> {
          OccupationHit h = picked[0];
          if (h != null
              && vm.occupations().stream().noneMatch(o -> o.romeCode().equals(h.romeCode()))) {
            vm.occupations()
                .add(
                    new CandidateDetail.TargetOccupation(
                        h.romeCode(), h.label(), years.getValue()));
            search.clear();
            picked[0] = null;
          }
        });
    Button remove = new Button(msg.get("candidates.occupations.remove"));
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> vm.occupations().remove(list.getSelectionModel().getSelectedItem()));
    HBox.setHgrow(search, Priority.ALWAYS);
    add.setMinWidth(Region.USE_PREF_SIZE);
    remove.setMinWidth(Region.USE_PREF_SIZE);
    return new VBox(4, list, new HBox(6, search, years, add, remove));
  }

  private void criterion(CriterionRow r) {
    CheckBox held = new CheckBox(msg.get("candidates.criterion." + r.kind().name()));
    held.selectedProperty().bindBidirectional(r.held());
    DatePicker since = datePicker();
    since.setPromptText(msg.get("candidates.criteria.since"));
    since.setPrefWidth(130);
    since.valueProperty().bindBidirectional(r.since());
    since.disableProperty().bind(r.held().not());
    CheckBox proof = new CheckBox(msg.get("candidates.criteria.proofSeen"));
    proof.selectedProperty().bindBidirectional(r.proofSeen());
    proof.disableProperty().bind(r.held().not());
    Label proofOn = new Label();
    proofOn
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    r.proofSeenOn().get() == null
                        ? ""
                        : msg.get(
                            "candidates.criteria.proofOn",
                            java.sql.Date.valueOf(r.proofSeenOn().get())),
                r.proofSeenOn()));
    // whole texts, and on a narrow pane the line wraps: the file never scrolls sideways (#19:
    // it did at 1366×768 beside the list)
    held.setMinWidth(Region.USE_PREF_SIZE);
    proof.setMinWidth(Region.USE_PREF_SIZE);
    since.setMinWidth(Region.USE_PREF_SIZE);
    javafx.scene.layout.FlowPane line =
        new javafx.scene.layout.FlowPane(8, 4, held, since, proof, proofOn);
    line.setAlignment(Pos.CENTER_LEFT);
    if (r.kind().sensitive()) {
      Label masked = new Label(msg.get("candidates.criteria.masked"));
      masked.getStyleClass().add("muted");
      masked.visibleProperty().bind(revealed.not());
      masked.managedProperty().bind(revealed.not());
      line.visibleProperty().bind(revealed);
      line.managedProperty().bind(revealed);
      grid.add(new VBox(masked, line), 1, row++);
    } else {
      grid.add(line, 1, row++);
    }
  }

  /** A date picker typing and showing dates as 31/01/2026 whatever the system locale. */
  private DatePicker datePicker() {
    DatePicker p = new DatePicker();
    java.time.format.DateTimeFormatter f = fr.passerelle.core.DateFormats.DAY;
    p.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(java.time.LocalDate d) {
            return d == null ? "" : f.format(d);
          }

          @Override
          public java.time.LocalDate fromString(String s) {
            try {
              return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.trim(), f);
            } catch (java.time.format.DateTimeParseException e) {
              return null;
            }
          }
        });
    p.setPromptText("jj/mm/aaaa");
    return p;
  }

  /** Hides sensitive criteria again (another candidate opened). */
  void mask() {
    vm.hideSensitive();
  }

  private <E extends Enum<E>> StringConverter<E> enumText(String prefix) {
    return new StringConverter<>() {
      @Override
      public String toString(E e) {
        return e == null ? "" : msg.get(prefix + e.name());
      }

      @Override
      public E fromString(String s) {
        return null;
      }
    };
  }
}
