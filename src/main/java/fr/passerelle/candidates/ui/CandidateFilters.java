package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.AgeBand;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.candidates.ReferenceLookup;
import fr.passerelle.ui.Messages;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The filters, folded by default: occupation or domain, area, availability, criteria, status,
 * consent.
 */
final class CandidateFilters extends TitledPane {
  CandidateFilters(
      CandidatesViewModel vm, Messages msg, Runnable changed, boolean sensitiveAllowed) {
    setText(msg.get("candidates.filters"));
    setExpanded(false);
    setAnimated(false);

    TextField occupation = new TextField();
    occupation.setPromptText(msg.get("candidates.filter.occupationPrompt"));
    occupation.setPrefColumnCount(8);
    occupation
        .textProperty()
        .addListener(
            (o, a, b) -> {
              String t = b.trim().toUpperCase(Locale.ROOT);
              vm.romeCode().set(t.matches("[A-N]\\d{4}") ? t : "");
              vm.domainCode().set(t.matches("[A-N]\\d{2}") ? t : "");
              changed.run();
            });
    TextField commune = new TextField();
    commune.setId("candidates-filter-commune");
    commune.setPromptText(msg.get("candidates.filter.communePrompt"));
    commune.setPrefColumnCount(12);
    Label communeHint = new Label();
    communeHint.setId("candidates-filter-commune-hint");
    communeHint.getStyleClass().add("muted");
    communeHint.setMinWidth(Label.USE_PREF_SIZE);
    commune
        .textProperty()
        .addListener(
            (o, a, b) -> {
              var found = CommuneCompletion.resolve(vm.reference(), b);
              vm.communeCode().set(found.map(c -> c.inseeCode()).orElse(""));
              communeHint.setText(communeHint(vm, msg, b, found.orElse(null)));
              changed.run();
            });
    CommuneCompletion.bind(commune, vm::reference, code -> {});
    Spinner<Integer> radius = new Spinner<>(0, 200, 0, 5);
    radius.setPrefWidth(80);
    radius.setEditable(true);
    radius
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              vm.radiusKm().set(b);
              changed.run();
            });
    DatePicker available = new DatePicker();
    available.setPromptText(msg.get("candidates.filter.availablePrompt"));
    available.valueProperty().bindBidirectional(vm.availableBy());
    available.valueProperty().addListener((o, a, b) -> changed.run());

    FlowPane criteria = new FlowPane(8, 4);
    for (PriorityCriterion k : PriorityCriterion.values()) {
      if (k.sensitive() && !sensitiveAllowed) {
        continue; // a search on RQTH shows who holds it: allowed accounts only
      }
      CheckBox c = new CheckBox(msg.get("candidates.criterion." + k.name()));
      c.selectedProperty()
          .addListener(
              (o, a, b) -> {
                if (b) {
                  vm.criteria().add(k);
                } else {
                  vm.criteria().remove(k);
                }
                changed.run();
              });
      criteria.getChildren().add(c);
    }
    ComboBox<CandidateStatus> status = new ComboBox<>();
    status.getItems().add(null);
    status.getItems().addAll(CandidateStatus.values());
    status.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(CandidateStatus s) {
            return s == null
                ? msg.get("candidates.filter.any")
                : msg.get("candidates.status." + s.name());
          }

          @Override
          public CandidateStatus fromString(String s) {
            return null;
          }
        });
    status.valueProperty().bindBidirectional(vm.status());
    status.valueProperty().addListener((o, a, b) -> changed.run());
    ComboBox<AgeBand> age = new ComboBox<>();
    age.setId("candidates-filter-age");
    age.getItems().add(null);
    age.getItems().addAll(AgeBand.values());
    age.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(AgeBand b) {
            return b == null
                ? msg.get("candidates.filter.any")
                : msg.get("candidates.ageBand." + b.name());
          }

          @Override
          public AgeBand fromString(String s) {
            return null;
          }
        });
    age.valueProperty().bindBidirectional(vm.ageBand());
    age.valueProperty().addListener((o, a, b) -> changed.run());
    ComboBox<String> consent = new ComboBox<>();
    consent.getItems().addAll("any", "yes", "no");
    consent.setValue("any");
    consent.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null ? "" : msg.get("candidates.filter.consent." + s);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    consent
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              vm.consentShare()
                  .set("yes".equals(b) ? Boolean.TRUE : "no".equals(b) ? Boolean.FALSE : null);
              changed.run();
            });
    Button clear = new Button(msg.get("candidates.filter.clear"));
    clear.setOnAction(
        e -> {
          occupation.clear();
          commune.clear();
          radius.getValueFactory().setValue(0);
          available.setValue(null);
          criteria.getChildren().forEach(n -> ((CheckBox) n).setSelected(false));
          status.setValue(null);
          age.setValue(null);
          consent.setValue("any");
          vm.clearFilters();
          changed.run();
        });

    HBox line1 =
        new HBox(
            8,
            new Label(msg.get("candidates.filter.occupation")),
            occupation,
            new Label(msg.get("candidates.filter.commune")),
            commune,
            new Label("±"),
            radius,
            new Label("km"),
            new Label(msg.get("candidates.filter.available")),
            available);
    line1.setAlignment(Pos.CENTER_LEFT);
    HBox line2 =
        new HBox(
            8,
            new Label(msg.get("candidates.filter.status")),
            status,
            new Label(msg.get("candidates.filter.age")),
            age,
            new Label(msg.get("candidates.filter.consent")),
            consent,
            clear);
    line2.setAlignment(Pos.CENTER_LEFT);
    // the commune found, or why none is: on its own line, never squeezing the filters' labels
    communeHint.managedProperty().bind(communeHint.textProperty().isNotEmpty());
    communeHint.visibleProperty().bind(communeHint.managedProperty());
    // the criteria in words take the width they need (a FlowPane wraps at 400 px by default)
    criteria.setPrefWrapLength(1000);
    VBox box =
        new VBox(
            6,
            line1,
            communeHint,
            new HBox(8, new Label(msg.get("candidates.filter.criteria")), criteria),
            line2);
    box.setPadding(new Insets(6));
    setContent(box);
  }

  /** Under the commune filter: the commune found, or why none is. */
  private static String communeHint(
      CandidatesViewModel vm, Messages msg, String text, ReferenceLookup.Commune found) {
    if (text == null || text.isBlank()) {
      return "";
    }
    if (found != null) {
      return text.trim().equalsIgnoreCase(found.name()) ? "" : found.name();
    }
    int n = vm.reference().communesNamed(text.trim()).size();
    return n > 1
        ? msg.get("candidates.filter.communeAmbiguous", n)
        : msg.get("candidates.filter.communeUnknown");
  }
}
