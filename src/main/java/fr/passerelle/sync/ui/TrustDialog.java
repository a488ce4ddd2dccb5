package fr.passerelle.sync.ui;

import fr.passerelle.sync.IdentityCard;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.FxDialogService;
import fr.passerelle.ui.Messages;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Faire confiance à une autre agence": who the card names, its fingerprint whole, and the
 * comparison step — phone the office, have it read its own fingerprint, compare block by block —
 * before the trust button can be pressed. The default button (Enter, Esc) is Annuler.
 */
final class TrustDialog {
  /** What the counselor chose. */
  enum Answer {
    TRUST,
    DIFFERENT,
    CANCEL
  }

  private final Messages m;
  private final Dialog<Answer> dialog = new Dialog<>();
  private final CheckBox same;

  /**
   * {@code card}: the partner's; {@code fileName}: the file it came in; {@code ownOrganisation} and
   * {@code ownFingerprint}: this office's, read back to the partner.
   */
  TrustDialog(
      Messages m,
      IdentityCard card,
      String fileName,
      String ownOrganisation,
      String ownFingerprint) {
    this.m = m;
    dialog.setTitle(m.get("sync.trust.title"));
    dialog.setHeaderText(m.get("sync.trust.header", card.office()));
    dialog.setResizable(true);

    GridPane who = new GridPane();
    who.setHgap(12);
    who.setVgap(4);
    row(who, 0, m.get("sync.trust.office"), card.office(), "trust-office");
    row(who, 1, m.get("sync.trust.organisation"), card.organisation(), "trust-organisation");
    row(who, 2, m.get("sync.trust.kind"), kind(card.kind()), "trust-kind");
    Label from = wrapped(m.get("sync.trust.file", fileName));
    from.getStyleClass().add("text-muted");

    VBox content = new VBox(10, from, who);
    if (!card.organisation().equalsIgnoreCase(ownOrganisation)) {
      Label other = wrapped(m.get("sync.trust.otherOrganisation", card.organisation()));
      other.setId("trust-other-organisation");
      content.getChildren().add(other);
    }
    int blocks = FingerprintBlocks.blocks(card.fingerprint()).size();
    content
        .getChildren()
        .addAll(
            wrapped(m.get("sync.trust.step1")),
            wrapped(m.get("sync.trust.step2")),
            wrapped(m.get("sync.trust.step3")),
            new FingerprintBlocks(card.fingerprint(), "trust-fingerprint", 4));
    same = new CheckBox(m.get("sync.trust.same", blocks));
    same.setId("trust-same");
    same.setWrapText(true);
    same.setMinHeight(Region.USE_PREF_SIZE);
    Label own = wrapped(m.get("sync.trust.own", ownFingerprint));
    own.setId("trust-own");
    own.getStyleClass().add("text-muted");
    content.getChildren().addAll(same, own);
    content.setPrefWidth(640);

    ButtonType trust = new ButtonType(m.get("sync.trust.confirm"), ButtonBar.ButtonData.OK_DONE);
    ButtonType different =
        new ButtonType(m.get("sync.trust.different"), ButtonBar.ButtonData.OTHER);
    ButtonType cancel = new ButtonType(m.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    var pane = dialog.getDialogPane();
    pane.setId("trust-dialog");
    pane.setContent(content);
    pane.getButtonTypes().setAll(trust, different, cancel);
    pane.setMinHeight(Region.USE_PREF_SIZE);
    pane.setMinWidth(Region.USE_PREF_SIZE);
    Node trustButton = pane.lookupButton(trust);
    trustButton.setId("trust-confirm");
    trustButton.disableProperty().bind(same.selectedProperty().not());
    pane.lookupButton(different).setId("trust-different");
    FxDialogService.safeDefault(pane, cancel);
    dialog.setResultConverter(
        b -> b == trust ? Answer.TRUST : b == different ? Answer.DIFFERENT : Answer.CANCEL);
  }

  /** Shown through {@code dialogs} (owned by the window); Annuler when closed. */
  Answer ask(DialogService dialogs) {
    return dialogs.show(dialog).orElse(Answer.CANCEL);
  }

  private String kind(String code) {
    String key = "setup.kind." + code;
    return m.has(key) ? m.get(key) : code;
  }

  private static void row(GridPane g, int r, String label, String value, String id) {
    Label l = new Label(label);
    l.getStyleClass().add("text-muted");
    l.setMinWidth(Region.USE_PREF_SIZE);
    Label v = new Label(value);
    v.setId(id);
    v.setStyle("-fx-font-weight: bold;");
    v.setWrapText(true);
    g.addRow(r, l, v);
  }

  private static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
