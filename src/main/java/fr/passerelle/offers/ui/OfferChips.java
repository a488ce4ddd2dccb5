package fr.passerelle.offers.ui;

import static fr.passerelle.ui.Chips.chip;
import static fr.passerelle.ui.Chips.row;

import fr.passerelle.offers.HardToFill;
import fr.passerelle.offers.MatchReason;
import fr.passerelle.ui.Messages;
import java.text.NumberFormat;
import java.util.Collection;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** The chips of the offers feature: hard-to-fill reasons, match reasons, with their UI text. */
public final class OfferChips {
  private final Messages msg;

  public OfferChips(Messages msg) {
    this.msg = msg;
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
      // short on the chip (a table cell at 1366×768), whole in its tooltip
      Label c =
          chip(
              text("offers.reason.short.", r),
              h.override() != null && !h.override() ? "chip" : "chip-warn");
      c.setTooltip(new Tooltip(text(r)));
      p.getChildren().add(c);
    }
    return p;
  }

  public String text(HardToFill.Reason r) {
    return text("offers.reason.", r);
  }

  private String text(String prefix, HardToFill.Reason r) {
    NumberFormat nf = NumberFormat.getNumberInstance(msg.locale());
    nf.setMaximumFractionDigits(1);
    return msg.get(
        prefix + r.kind().name(), nf.format(r.value()), r.label() == null ? "" : r.label());
  }

  public String text(MatchReason r) {
    Object[] facts = r.facts();
    Object[] args = new Object[facts.length + 1];
    for (int i = 0; i < facts.length; i++) {
      args[i] =
          facts[i] instanceof java.time.LocalDate d
              ? d.format(fr.passerelle.core.DateFormats.DAY)
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
}
