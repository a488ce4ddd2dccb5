package fr.passerelle.offers.ui;

import fr.passerelle.offers.HardToFill;
import fr.passerelle.offers.MatchReason;
import fr.passerelle.ui.Messages;
import java.text.NumberFormat;
import java.util.Collection;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** Small labelled "chips" for reasons, criteria and states, with their UI text. */
public final class Chips {
  /** The stylesheet the chips need, to add to a view's root. */
  public static final String CSS = Chips.class.getResource("offers.css").toExternalForm();

  private final Messages msg;

  public Chips(Messages msg) {
    this.msg = msg;
  }

  public static Label chip(String text, String style) {
    Label l = new Label(text);
    l.getStyleClass().addAll("chip", style);
    return l;
  }

  public static FlowPane row() {
    FlowPane p = new FlowPane(4, 2);
    p.setPrefWrapLength(420);
    return p;
  }

  /**
   * Fits chips to a table column: they wrap at the column's width, and a chip longer than the
   * column ends with "…" and shows its whole text as a tooltip.
   */
  public static FlowPane fit(FlowPane chips, javafx.beans.value.ObservableDoubleValue width) {
    var room = javafx.beans.binding.Bindings.max(60.0, Bindings.subtract(width, 16));
    // the cell lays its graphic out at the graphic's preferred width: tie it to the column's
    chips.prefWrapLengthProperty().bind(room);
    chips.prefWidthProperty().bind(room);
    chips.maxWidthProperty().bind(room);
    chips.setMinWidth(0);
    for (var n : chips.getChildren()) {
      if (n instanceof Label l) {
        l.maxWidthProperty().bind(room);
        if (l.getTooltip() == null) {
          l.setTooltip(new Tooltip(l.getText()));
        }
      }
    }
    return chips;
  }

  /** The chips of a hard-to-fill signal: the override first when there is one. */
  public FlowPane of(HardToFill h) {
    FlowPane p = row();
    if (h.overridden()) {
      Label o =
          chip(
              msg.get(h.override() ? "offers.override.yes" : "offers.override.no"),
              "chip-override");
      o.setTooltip(new Tooltip(h.overrideReason()));
      p.getChildren().add(o);
    }
    for (HardToFill.Reason r : h.reasons()) {
      Label c = chip(text(r), h.override() != null && !h.override() ? "chip" : "chip-warn");
      p.getChildren().add(c);
    }
    return p;
  }

  public String text(HardToFill.Reason r) {
    NumberFormat nf = NumberFormat.getNumberInstance(msg.locale());
    nf.setMaximumFractionDigits(1);
    return msg.get(
        "offers.reason." + r.kind().name(),
        nf.format(r.value()),
        r.label() == null ? "" : r.label());
  }

  public String text(MatchReason r) {
    Object[] facts = r.facts();
    Object[] args = new Object[facts.length + 1];
    for (int i = 0; i < facts.length; i++) {
      args[i] =
          facts[i] instanceof java.time.LocalDate d
              ? d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
              : facts[i];
    }
    args[facts.length] = r.points(); // the last argument: the points
    return msg.get("offers.match." + r.kind().name(), args);
  }

  public FlowPane of(Collection<MatchReason> reasons) {
    FlowPane p = row();
    for (MatchReason r : reasons) {
      String style =
          switch (r.kind()) {
            case SAME_OCCUPATION, AVAILABLE -> "chip-ok";
            case PRIORITY_BOOST -> "chip-info";
            case AVAILABLE_LATER -> "chip-warn";
            default -> "chip";
          };
      p.getChildren().add(chip(text(r), style));
    }
    return p;
  }

  /** Priority criteria (RQTH shown like the others: this office may see it). */
  public FlowPane criteria(Collection<String> criteria) {
    FlowPane p = row();
    for (String c : criteria) {
      String text;
      try {
        text = msg.get("offers.criterion." + c);
      } catch (java.util.MissingResourceException e) {
        text = c;
      }
      p.getChildren().add(chip(text, "chip-info"));
    }
    return p;
  }
}
