package fr.passerelle.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.core.Progress;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncTableNamesTest {
  @Test
  void theImportsProgressNamesTablesAsTheCounselorKnowsThem() {
    List<String> seen = new ArrayList<>();
    Progress shown =
        new Progress() {
          @Override
          public void update(long done, long total, String message) {
            seen.add(message);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    Progress p = SyncTableNames.labelled(new Messages(Messages.FRENCH), shown);
    p.update(1, -1, "candidate");
    p.update(2, 10, "search_index");
    p.update(3, -1, "no_such_table");
    p.update(4, -1, null);
    assertThat(seen).containsExactly("Candidats", "Index de recherche", "no_such_table", null);
  }

  /** The report of an import names every table a file may carry, the audit trail's included. */
  @Test
  void everyTableASyncFileCarriesHasItsName() {
    Messages french = new Messages(Messages.FRENCH);
    List<String> unnamed = new ArrayList<>();
    java.util.stream.Stream.concat(
            fr.passerelle.db.ReplicatedTables.ALL.stream(),
            fr.passerelle.db.ReplicatedTables.ORGANISATION_ONLY.stream())
        .map(t -> t.getName().toLowerCase(java.util.Locale.ROOT))
        .filter(name -> SyncTableNames.label(french, name).equals(name))
        .forEach(unnamed::add);
    assertThat(unnamed).isEmpty();
  }
}
