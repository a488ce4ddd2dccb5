package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.MeetingFocus;
import fr.passerelle.meetings.OfferRef;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * The meeting form's focus: the occupation's ROME code with its label beside it, and the job offer
 * the meeting serves, chosen among that occupation's open offers (a meeting's own offer stays a
 * choice even once closed).
 */
final class FocusFields {
  final TextField rome = new TextField();
  final Label romeLabel = new Label();
  final ComboBox<OfferRef> offer = new ComboBox<>();
  private final FocusModel model;
  private final Messages m;

  FocusFields(FocusModel model, Messages m) {
    this.model = model;
    this.m = m;
    rome.setId("rome");
    romeLabel.setId("romeLabel");
    offer.setId("offer");
    rome.setPromptText("N1103");
    rome.setPrefColumnCount(12);
    romeLabel.getStyleClass().add("text-muted");
    romeLabel.setWrapText(true);
    offer.setConverter(MeetingEditor.converter(OfferRef::label));
    offer.setButtonCell(new OfferCell());
    offer.setCellFactory(l -> new OfferCell());
    offer.setMaxWidth(Double.MAX_VALUE);
    offer.disableProperty().bind(Bindings.size(offer.getItems()).lessThan(2));
    offer.getItems().setAll(Arrays.asList((OfferRef) null));
    rome.textProperty().addListener((o, a, b) -> model.lookUp(b));
    // words show occupations to choose from; the choice puts its code in the field
    org.controlsfx.control.textfield.TextFields.bindAutoCompletion(
            rome,
            req -> model.suggest(req.getUserText()),
            new javafx.util.StringConverter<fr.passerelle.occupations.OccupationHit>() {
              @Override
              public String toString(fr.passerelle.occupations.OccupationHit h) {
                return h == null ? "" : h.display();
              }

              @Override
              public fr.passerelle.occupations.OccupationHit fromString(String s) {
                return null;
              }
            })
        .setOnAutoCompleted(e -> rome.setText(e.getCompletion().romeCode()));
    model.occupation.addListener((o, a, b) -> showOccupation(b));
  }

  Node romeRow() {
    HBox box = new HBox(8, rome, romeLabel);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** The code typed, upper case, or empty. */
  String romeCode() {
    return rome.getText() == null ? "" : rome.getText().trim().toUpperCase(Locale.ROOT);
  }

  UUID offerId() {
    return offer.getValue() == null ? null : offer.getValue().id();
  }

  /** An empty focus (a new meeting). */
  void clear() {
    offer.setValue(null);
    rome.clear();
    showOccupation(null);
  }

  /** A meeting's focus: its occupation, and its offer looked up in the background. */
  void show(String romeCode, UUID offerId) {
    offer.setValue(null);
    rome.setText(romeCode == null ? "" : romeCode);
    showOccupation(model.occupation.get());
    model.offer(
        offerId,
        found ->
            found.ifPresent(
                ref -> {
                  if (!offer.getItems().contains(ref)) {
                    offer.getItems().add(ref);
                  }
                  offer.setValue(ref);
                }));
  }

  /** Prefills a new meeting: the occupation, or the offer (and its occupation) if one is given. */
  void prefill(String romeCode, OfferRef about) {
    if (about == null) {
      rome.setText(romeCode == null ? "" : romeCode);
      return;
    }
    offer.getItems().setAll(Arrays.asList(null, about));
    offer.setValue(about);
    rome.setText(about.romeCode() == null ? "" : about.romeCode());
  }

  /** The occupation's label next to its code, and its open offers to choose from. */
  private void showOccupation(MeetingFocus.Occupation o) {
    romeLabel.setText(o == null ? "" : o.label());
    OfferRef current = offer.getValue();
    List<OfferRef> choices = new ArrayList<>();
    choices.add(null);
    if (o != null) {
      choices.addAll(o.openOffers());
    }
    // the offer stays while the field is empty or names its occupation
    boolean keep =
        current != null && (romeCode().isEmpty() || romeCode().equals(current.romeCode()));
    if (keep && !choices.contains(current)) {
      choices.add(1, current);
    }
    offer.getItems().setAll(choices);
    offer.setValue(keep ? current : null);
  }

  private final class OfferCell extends ListCell<OfferRef> {
    @Override
    protected void updateItem(OfferRef o, boolean empty) {
      super.updateItem(o, empty);
      setText(empty ? null : o == null ? m.get("meetings.field.noOffer") : o.label());
    }
  }
}
