package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.AgeBand;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.candidates.ReferenceLookup;
import fr.passerelle.ui.ColumnChoices;
import fr.passerelle.ui.Messages;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The filters on one line — occupation or domain, commune and distance, priority publics (a menu of
 * ticks), "Plus de filtres", "Effacer" — and, under "Plus de filtres", availability, status, age
 * and consent; folded, the button counts the filters set there, and whether it is open is
 * remembered on this workstation. At 1366×768 the table keeps more than a dozen rows (#19: the
 * filters took 40 % of the height).
 */
final class CandidateFilters extends VBox {
  /** Opens the second line of filters. */
  final ToggleButton more;

  CandidateFilters(
      CandidatesViewModel vm,
      Messages msg,
      Runnable changed,
      boolean sensitiveAllowed,
      ColumnChoices remembered) {
    setId("candidates-filters");
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
              var found = vm.communeText(b);
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

    MenuButton criteria = new MenuButton();
    criteria.setId("candidates-filter-criteria");
    criteria.setMinWidth(Region.USE_PREF_SIZE);
    for (PriorityCriterion k : PriorityCriterion.values()) {
      if (k.sensitive() && !sensitiveAllowed) {
        continue; // a search on RQTH shows who holds it: allowed accounts only
      }
      // a tick in the menu keeps it open (#19: a CheckMenuItem closed it at each tick, the
      // counselor reopened it for every public): the box fills the row, a click anywhere ticks
      CheckBox c = new CheckBox(msg.get("candidates.criterion." + k.name()));
      c.setId("candidates-criterion-" + k.name());
      c.setMaxWidth(Double.MAX_VALUE);
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
      CustomMenuItem item = new CustomMenuItem(c, false);
      item.setMnemonicParsing(false);
      criteria.getItems().add(item);
    }
    criteria
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> counted(msg, "candidates.filter.criteria", vm.criteria().size()),
                vm.criteria()));
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
          criteria
              .getItems()
              .forEach(i -> ((CheckBox) ((CustomMenuItem) i).getContent()).setSelected(false));
          status.setValue(null);
          age.setValue(null);
          consent.setValue("any");
          vm.clearFilters();
          changed.run();
        });

    more = new ToggleButton();
    more.setId("candidates-filters-more");
    more.setMinWidth(Region.USE_PREF_SIZE);
    remembered.remember(more.selectedProperty(), "candidates.filters.more");
    // folded, it counts the filters set under it: none is forgotten out of sight
    more.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    counted(
                        msg,
                        "candidates.filters.more",
                        more.isSelected()
                            ? 0
                            : (available.getValue() == null ? 0 : 1)
                                + (status.getValue() == null ? 0 : 1)
                                + (age.getValue() == null ? 0 : 1)
                                + ("any".equals(consent.getValue()) ? 0 : 1)),
                more.selectedProperty(),
                available.valueProperty(),
                status.valueProperty(),
                age.valueProperty(),
                consent.valueProperty()));
    clear.setMinWidth(Region.USE_PREF_SIZE);
    clear.setId("candidates-filters-clear");

    HBox line1 =
        new HBox(
            8,
            label(msg, "candidates.filter.occupation", occupation),
            occupation,
            label(msg, "candidates.filter.commune", commune),
            commune,
            new Label("±"),
            radius,
            new Label("km"),
            criteria,
            more,
            clear);
    line1.setAlignment(Pos.CENTER_LEFT);
    HBox line2 =
        new HBox(
            8,
            label(msg, "candidates.filter.available", available),
            available,
            label(msg, "candidates.filter.status", status),
            status,
            label(msg, "candidates.filter.age", age),
            age,
            label(msg, "candidates.filter.consent", consent),
            consent);
    line2.setAlignment(Pos.CENTER_LEFT);
    line2.managedProperty().bind(more.selectedProperty());
    line2.visibleProperty().bind(more.selectedProperty());
    // the commune found, or why none is: on its own line, never squeezing the filters' labels
    communeHint.managedProperty().bind(communeHint.textProperty().isNotEmpty());
    communeHint.visibleProperty().bind(communeHint.managedProperty());
    setSpacing(6);
    getChildren().addAll(line1, communeHint, line2);
  }

  /** A filter's name, whole, its mnemonic leading to the field. */
  private static Label label(Messages msg, String key, javafx.scene.Node field) {
    Label l = new Label(msg.get(key));
    l.setLabelFor(field);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** "Publics prioritaires", or "Publics prioritaires (2)" when two are ticked. */
  private static String counted(Messages msg, String key, int n) {
    return n == 0 ? msg.get(key) : msg.get("candidates.filter.counted", msg.get(key), n);
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
