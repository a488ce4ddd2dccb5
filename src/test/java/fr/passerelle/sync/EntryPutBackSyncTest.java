package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.PipelineStatus;
import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.sourcing.SourcingService;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #19: a person removed from a sourcing list then put back ("Annuler") reaches another office as
 * the same row, a new version of it — not a removal and another entry added, which left a tombstone
 * and a second row there and lost the entry's history (ADR 0203).
 */
class EntryPutBackSyncTest {
  @TempDir Path root;
  Node a;
  Node b;

  @BeforeEach
  void setUp() {
    Node[] pair = Node.trustingPair(root);
    a = pair[0];
    b = pair[1];
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  @Test
  void thePutBackEntryIsTheSameRowAtTheOtherOffice() {
    SourcingService here = a.services.sourcing();
    UUID list = here.create(new NewList("Prépa Toulouse", null, "N1103", null, null));
    UUID lea = a.addCandidate("Martin");
    UUID paul = a.addCandidate("Roux");
    here.add(list, List.of(lea, paul), null);
    here.move(entryOf(here, list, lea).id(), PipelineStatus.values()[2], "appelée");
    SourcingEntry moved = entryOf(here, list, lea);
    a.sendTo(b);
    int rows = b.dsl().fetchCount(SOURCING_ENTRY);
    assertThat(rows).as("the list's entries reached the other office").isEqualTo(2);

    here.remove(moved.id());
    here.restore(moved);
    a.sendTo(b);

    assertThat(b.dsl().fetchCount(SOURCING_ENTRY)).as("no row added there").isEqualTo(rows);
    var there =
        b.dsl()
            .selectFrom(SOURCING_ENTRY)
            .where(SOURCING_ENTRY.CANDIDATE_ID.eq(lea))
            .and(SOURCING_ENTRY.DELETED.isFalse())
            .fetch();
    assertThat(there).hasSize(1);
    var entry = there.get(0);
    var mine = a.dsl().fetchOne(SOURCING_ENTRY, SOURCING_ENTRY.ID.eq(moved.id()));
    assertThat(entry.getId()).as("the same row").isEqualTo(moved.id());
    assertThat(entry.getStatus()).isEqualTo(PipelineStatus.values()[2].name());
    assertThat(entry.getHistory()).isEqualTo(mine.getHistory());
    assertThat(entry.getVv()).as("the same version").isEqualTo(mine.getVv());
  }

  private static SourcingEntry entryOf(SourcingService s, UUID list, UUID candidate) {
    return s.entries(list).stream()
        .filter(e -> e.candidateId().equals(candidate))
        .findFirst()
        .orElseThrow();
  }
}
