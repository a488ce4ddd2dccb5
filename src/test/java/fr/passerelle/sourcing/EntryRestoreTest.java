package fr.passerelle.sourcing;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
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
}
