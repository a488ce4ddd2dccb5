package fr.passerelle.sourcing;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.VersionVector;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Annuler" after removing someone from a sourcing list (#19): status, history, score back. */
class EntryRestoreTest {
  @TempDir Path dir;
  Services s;
  SourcingService sourcing;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    sourcing = s.sourcing();
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void aRemovedEntryComesBackWithItsStatusHistoryAndScore() {
    OfferFixtures f = new OfferFixtures(s);
    UUID offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    UUID owner = f.counselor("Claire", "Dubois");
    UUID list = sourcing.create(new NewList("Prépa Toulouse", offer, null, owner, null));
    UUID lea = f.person("Léa", "Martin").rome("N1103", 1).save();
    UUID paul = f.person("Paul", "Roux").rome("N1103", 1).save();
    sourcing.add(list, List.of(lea, paul), Map.of(lea, 80));
    SourcingEntry entry =
        sourcing.entries(list).stream()
            .filter(e -> e.candidateId().equals(lea))
            .findFirst()
            .orElseThrow();
    sourcing.move(entry.id(), PipelineStatus.values()[2], "appelée");
    SourcingEntry moved =
        sourcing.entries(list).stream()
            .filter(e -> e.candidateId().equals(lea))
            .findFirst()
            .orElseThrow();

    sourcing.remove(moved.id());
    assertThat(sourcing.entries(list)).extracting(SourcingEntry::candidateId).containsExactly(paul);
    assertThat(sourcing.find(list).orElseThrow().size()).isEqualTo(1);

    sourcing.restore(moved);
    SourcingEntry back =
        sourcing.entries(list).stream()
            .filter(e -> e.candidateId().equals(lea))
            .findFirst()
            .orElseThrow();
    assertThat(back.status()).isEqualTo(PipelineStatus.values()[2]);
    assertThat(back.history()).isEqualTo(moved.history());
    assertThat(back.score()).isEqualTo(80);
    assertThat(back.addedOn()).isEqualTo(moved.addedOn());
    assertThat(sourcing.find(list).orElseThrow().size()).isEqualTo(2);

    // twice: refused, not on the list twice
    assertThatThrownBy(() -> sourcing.restore(moved)).isInstanceOf(InvalidInputException.class);
    assertThat(sourcing.entries(list)).hasSize(2);
  }

  /**
   * #19: "Annuler" brings back the same row — its id, a version after the removal's — not a new
   * row: partners' offices see the removal undone, not a removal and someone added, and the entry
   * keeps its history. No row is added, and the put-back is in the audit trail as the entry's
   * change (ADR 0203).
   */
  @Test
  void theSameRowComesBackANewVersionOfIt() {
    OfferFixtures f = new OfferFixtures(s);
    UUID offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    UUID list = sourcing.create(new NewList("Prépa Toulouse", offer, null, null, null));
    UUID lea = f.person("Léa", "Martin").rome("N1103", 1).save();
    UUID paul = f.person("Paul", "Roux").rome("N1103", 1).save();
    sourcing.add(list, List.of(lea, paul), Map.of(lea, 80));
    sourcing.move(entryOf(list, lea).id(), PipelineStatus.values()[2], "appelée");
    SourcingEntry moved = entryOf(list, lea);
    int rows = s.db().dsl().fetchCount(SOURCING_ENTRY);

    sourcing.remove(moved.id());
    VersionVector removal = VersionVector.parse(vv(moved.id()));
    SourcingEntry returned = sourcing.restore(moved);

    SourcingEntry back = entryOf(list, lea);
    assertThat(back.id()).as("the same row").isEqualTo(moved.id());
    assertThat(returned.id()).isEqualTo(moved.id());
    assertThat(back.status()).isEqualTo(PipelineStatus.values()[2]);
    assertThat(back.history()).isEqualTo(moved.history());
    assertThat(s.db().dsl().fetchCount(SOURCING_ENTRY))
        .as("no row added: partners receive a new version of the same row")
        .isEqualTo(rows);
    assertThat(VersionVector.parse(vv(back.id())).compare(removal))
        .as("the put-back supersedes the removal")
        .isEqualTo(VersionVector.Order.AFTER);
    String version =
        EditLocks.version(
                s.db().dsl().fetchOne(SOURCING_ENTRY, SOURCING_ENTRY.ID.eq(back.id())),
                SOURCING_ENTRY)
            .toString();
    assertThat(
            s.db()
                .dsl()
                .fetchCount(
                    AUDIT_ENTRY,
                    AUDIT_ENTRY
                        .SUBJECT
                        .eq(EditLocks.subject(SOURCING_ENTRY, back.id()))
                        .and(AUDIT_ENTRY.ACTION.eq(EditLocks.RECORD_SAVED))
                        .and(AUDIT_ENTRY.DETAILS.eq(version))
                        .and(AUDIT_ENTRY.PERSON_ID.eq(lea))))
        .as("the put-back recorded as the entry's change, at its new version")
        .isEqualTo(1);
  }

  /** A put-back never takes over a live row: an entry's id given as another list's removed one. */
  @Test
  void aLiveRowIsNotTakenOverByAPutBack() {
    OfferFixtures f = new OfferFixtures(s);
    UUID offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    UUID list = sourcing.create(new NewList("Prépa Toulouse", offer, null, null, null));
    UUID other = sourcing.create(new NewList("Prépa Blagnac", offer, null, null, null));
    UUID lea = f.person("Léa", "Martin").rome("N1103", 1).save();
    UUID paul = f.person("Paul", "Roux").rome("N1103", 1).save();
    sourcing.add(list, List.of(lea), null);
    SourcingEntry live = entryOf(list, lea);
    SourcingEntry elsewhere =
        new SourcingEntry(
            live.id(),
            other,
            paul,
            "Paul",
            "Roux",
            null,
            PipelineStatus.values()[0],
            live.history(),
            live.addedOn(),
            null,
            java.util.Set.of(),
            false,
            null,
            null);

    assertThatThrownBy(() -> sourcing.restore(elsewhere)).isInstanceOf(InvalidInputException.class);
    assertThat(entryOf(list, lea).id()).isEqualTo(live.id());
    assertThat(sourcing.entries(other)).isEmpty();
  }

  private SourcingEntry entryOf(UUID list, UUID candidate) {
    return sourcing.entries(list).stream()
        .filter(e -> e.candidateId().equals(candidate))
        .findFirst()
        .orElseThrow();
  }

  private String vv(UUID entry) {
    return s.db()
        .dsl()
        .select(SOURCING_ENTRY.VV)
        .from(SOURCING_ENTRY)
        .where(SOURCING_ENTRY.ID.eq(entry))
        .fetchOne(SOURCING_ENTRY.VV);
  }
}
