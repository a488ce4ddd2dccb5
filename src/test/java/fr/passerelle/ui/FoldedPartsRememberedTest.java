package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a folded part of a screen is open ("Plus de filtres" of the candidates) is remembered on
 * the workstation, in the file of the columns chosen, without losing those (#19).
 */
class FoldedPartsRememberedTest {
  @TempDir Path dir;

  @Test
  void anOpenedPartIsOpenAgainNextTimeAndTheColumnsChosenStay() throws Exception {
    Files.writeString(dir.resolve("columns.properties"), "candidates.birth.visible=false\n");
    var first = new SimpleBooleanProperty();
    new ColumnChoices(dir).remember(first, "candidates.filters.more");
    assertThat(first.get()).isFalse();
    first.set(true);

    var next = new SimpleBooleanProperty();
    new ColumnChoices(dir).remember(next, "candidates.filters.more");
    assertThat(next.get()).isTrue();
    assertThat(Files.readString(dir.resolve("columns.properties")))
        .contains("candidates.birth.visible=false");

    next.set(false);
    var third = new SimpleBooleanProperty(true);
    new ColumnChoices(dir).remember(third, "candidates.filters.more");
    assertThat(third.get()).isFalse();
  }
}
