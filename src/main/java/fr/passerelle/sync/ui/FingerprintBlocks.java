package fr.passerelle.sync.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A fingerprint as it is read aloud on the phone: its blocks of four characters, numbered, in a
 * monospace font, a few per line. Each block keeps its whole width (never cut with an ellipsis);
 * the grid asks for the room all of them need.
 */
final class FingerprintBlocks extends GridPane {
  /** Four blocks a line (a dialog), or {@code perLine} (eight: one line in the view). */
  FingerprintBlocks(String fingerprint, String idPrefix, int perLine) {
    getStyleClass().add("fingerprint");
    setHgap(14);
    setVgap(6);
    setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    List<String> blocks = blocks(fingerprint);
    for (int i = 0; i < blocks.size(); i++) {
      Label number = new Label(String.valueOf(i + 1));
      number.getStyleClass().add("text-muted");
      number.setStyle("-fx-font-size: 0.85em;");
      Label block = new Label(blocks.get(i));
      block.setId(idPrefix + "-block-" + (i + 1));
      block.setStyle("-fx-font-family: monospace; -fx-font-size: 1.35em; -fx-font-weight: bold;");
      block.setMinWidth(Region.USE_PREF_SIZE);
      VBox cell = new VBox(0, number, block);
      cell.setAlignment(Pos.CENTER);
      cell.setMinWidth(Region.USE_PREF_SIZE);
      add(cell, i % perLine, i / perLine);
    }
  }

  /** The blocks of a fingerprint as {@code Fingerprint} groups them (spaces between blocks). */
  static List<String> blocks(String fingerprint) {
    return fingerprint == null || fingerprint.isBlank()
        ? List.of()
        : List.of(fingerprint.trim().split("\\s+"));
  }
}
