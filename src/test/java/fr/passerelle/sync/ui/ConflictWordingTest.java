package fr.passerelle.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

class ConflictWordingTest {
  private final Messages french = new Messages(Messages.FRENCH);
  private final ConflictWording words = new ConflictWording(french);

  /** Any field a conflict may show has its French name: never "last name" or "commune code". */
  @Test
  void everyFieldOfEveryReplicatedTableHasItsFrenchName() {
    List<String> unnamed = new ArrayList<>();
    for (var table : ReplicatedTables.ALL) {
      for (Field<?> f : table.fields()) {
        boolean notShown =
            ReplicatedTables.isKeptByTombstone(f) && !f.getName().equals("DELETED")
                || fr.passerelle.sync.Conflicts.DERIVED.contains(f.getName());
        if (!notShown && !french.has("sync.field." + f.getName())) {
          unnamed.add(table.getName() + "." + f.getName());
        }
      }
    }
    assertThat(unnamed).isEmpty();
    assertThat(words.field("LAST_NAME")).isEqualTo("nom");
    assertThat(words.field("AVAILABLE_FROM")).isEqualTo("disponible le");
  }

  @Test
  void valuesAreSaidInWords() {
    assertThat(words.value(null)).isEqualTo("(vide)");
    assertThat(words.value("")).isEqualTo("(vide)");
    assertThat(words.value("true")).isEqualTo("oui");
    assertThat(words.value("false")).isEqualTo("non");
    assertThat(words.value("2027-01-04")).isEqualTo("4 janv. 2027");
    assertThat(words.value("2026-12-08T10:12+01:00")).isEqualTo("8 déc. 2026 10:12");
    assertThat(words.value("2026-12-08T10:12:30")).isEqualTo("8 déc. 2026 10:12");
    assertThat(words.value("2026-13-45")).as("not a date: as it is").isEqualTo("2026-13-45");
    assertThat(words.value("06 12 34 56 78")).isEqualTo("06 12 34 56 78");
  }
}
