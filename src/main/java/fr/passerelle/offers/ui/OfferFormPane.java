package fr.passerelle.offers.ui;

import fr.passerelle.occupations.OccupationService;
import fr.passerelle.offers.CommuneGeo;
import fr.passerelle.offers.Contract;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferSource;
import fr.passerelle.ui.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * The offer form: fields with validation next to them (ControlsFX decorations), the hard-to-fill
 * override with its reason, Save (Ctrl+S) that says why it is disabled.
 */
final class OfferFormPane extends ScrollPane {
  private final Map<String, Control> controls = new HashMap<>();
  private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();
  final Button save;

  OfferFormPane(
      OfferFormViewModel vm,
      Messages msg,
      Supplier<OccupationService> occupations,
      Supplier<CommuneGeo> communes,
      Consumer<Offer> onSaved) {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.setPadding(new Insets(10));
    TextField employer = text(vm.employer, "employer");
    TextField title = text(vm.title, "title");
    TextField rome = text(vm.romeCode, "romeCode");
    var romeBinding =
        TextFields.bindAutoCompletion(
            rome,
            req ->
                occupations.get().search(req.getUserText(), 12).stream()
                    .map(h -> h.romeCode() + " " + h.label())
                    .toList());
    romeBinding.setOnAutoCompleted(e -> rome.setText(e.getCompletion().substring(0, 5)));
    TextField commune = text(vm.communeCode, "commune");
    var communeBinding =
        TextFields.bindAutoCompletion(commune, req -> communes.get().search(req.getUserText(), 12));
    communeBinding.setOnAutoCompleted(e -> commune.setText(e.getCompletion().substring(0, 5)));
    ComboBox<Contract> contract =
        new ComboBox<>(FXCollections.observableArrayList(Contract.values()));
    contract.valueProperty().bindBidirectional(vm.contract);
    contract.setConverter(enumText(msg, "offers.contract."));
    TextField positions = text(vm.positions, "positions");
    DatePicker opened = new DatePicker();
    opened.valueProperty().bindBidirectional(vm.openedOn);
    controls.put("openedOn", opened);
    DatePicker closed = new DatePicker();
    closed.valueProperty().bindBidirectional(vm.closedOn);
    controls.put("closedOn", closed);
    ComboBox<OfferSource> source =
        new ComboBox<>(FXCollections.observableArrayList(OfferSource.values()));
    source.valueProperty().bindBidirectional(vm.source);
    source.setConverter(enumText(msg, "offers.source."));
    TextArea description = new TextArea();
    description.textProperty().bindBidirectional(vm.description);
    description.setPrefRowCount(3);
    description.setWrapText(true);
    controls.put("description", description);
    ComboBox<Boolean> override =
        new ComboBox<>(FXCollections.observableArrayList(null, Boolean.TRUE, Boolean.FALSE));
    override.valueProperty().bindBidirectional(vm.override);
    override.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Boolean b) {
            return msg.get(
                b == null
                    ? "offers.override.none"
                    : b ? "offers.override.yes" : "offers.override.no");
          }

          @Override
          public Boolean fromString(String s) {
            return null;
          }
        });
    TextField overrideReason = text(vm.overrideReason, "overrideReason");

    List<Object[]> rows =
        List.of(
            new Object[] {"offers.form.employer", employer},
            new Object[] {"offers.form.title", title},
            new Object[] {"offers.form.rome", rome},
            new Object[] {"offers.form.commune", commune},
            new Object[] {"offers.form.contract", contract},
            new Object[] {"offers.form.positions", positions},
            new Object[] {"offers.form.openedOn", opened},
            new Object[] {"offers.form.closedOn", closed},
            new Object[] {"offers.form.source", source},
            new Object[] {"offers.form.description", description},
            new Object[] {"offers.form.override", override},
            new Object[] {"offers.form.overrideReason", overrideReason});
    int r = 0;
    for (Object[] row : rows) {
      Label l = new Label(msg.get((String) row[0]));
      l.setLabelFor((Node) row[1]);
      l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      g.add(l, 0, r);
      g.add((Node) row[1], 1, r++);
    }
    save = new Button(msg.get("offers.form.save"));
    save.setDefaultButton(false);
    save.disableProperty().bind(vm.saveBlocked().isNotEmpty());
    save.setOnAction(e -> vm.save(onSaved));
    Label blocked = new Label();
    blocked.getStyleClass().add("error-text");
    blocked.textProperty().bind(vm.saveBlocked());
    blocked.setWrapText(true);
    save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to "…" by a long status
    Label status = new Label();
    status.setId("offerFormStatus");
    status.textProperty().bind(vm.status());
    status.setWrapText(true); // "the server does not answer…" is two lines, said whole
    HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    VBox box = new VBox(8, g, new HBox(8, save, status), blocked);
    box.setPadding(new Insets(0, 0, 10, 0));
    setContent(box);
    setFitToWidth(true);
    vm.errors().addListener((MapChangeListener<String, String>) c -> decorate(vm));
    decorate(vm);
  }

  private TextField text(javafx.beans.property.StringProperty p, String field) {
    TextField t = new TextField();
    t.textProperty().bindBidirectional(p);
    controls.put(field, t);
    return t;
  }

  private void decorate(OfferFormViewModel vm) {
    for (var e : controls.entrySet()) {
      decoration.removeDecorations(e.getValue());
      String error = vm.errors().get(e.getKey());
      if (error != null) {
        decoration.applyValidationDecoration(ValidationMessage.error(e.getValue(), error));
      }
    }
  }

  private static <E extends Enum<E>> StringConverter<E> enumText(Messages msg, String prefix) {
    return fr.passerelle.ui.Converters.of(e -> e == null ? "" : msg.get(prefix + e.name()));
  }
}
