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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcingServiceTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;
  TestServices.ManualClock clock = new TestServices.ManualClock();
  SourcingService sourcing;
  UUID offer;
  UUID owner;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, clock);
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    sourcing = s.sourcing();
    offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    owner = f.counselor("Claire", "Dubois");
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void listFromAnOfferTakesItsOccupationAndOwner() {
    UUID id = sourcing.create(new NewList("Prépa Toulouse", offer, null, owner, null));
    SourcingList l = sourcing.find(id).orElseThrow();
    assertThat(l.romeCode()).isEqualTo("N1103");
    assertThat(l.offerTitle()).isEqualTo("Préparateur de commandes");
    assertThat(l.ownerName()).isEqualTo("Claire Dubois");
    assertThat(l.createdOn()).isEqualTo(TODAY);
    assertThat(sourcing.lists(owner, false)).extracting(SourcingList::id).containsExactly(id);
    assertThat(sourcing.lists(UUID.randomUUID(), false)).isEmpty();
    assertThatThrownBy(() -> sourcing.create(new NewList(" ", offer, null, owner, null)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> sourcing.create(new NewList("x", null, null, owner, null)))
        .hasMessageContaining("occupation");
  }

  @Test
  void sharedListOnlyTakesCandidatesWhoConsentedToSharing() {
    UUID partner = f.partnerOffice("Adecco Toulouse");
    UUID list = sourcing.create(new NewList("Partagée", offer, null, owner, partner));
    UUID yes = f.person("Oui", "A").rome("N1103", 1).share(true).save();
    UUID no = f.person("Non", "B").rome("N1103", 1).share(false).save();
    UUID unknown = f.person("Inconnu", "C").rome("N1103", 1).save();

    assertThat(sourcing.eligibility(list, List.of(yes, no, unknown)))
        .containsEntry(yes, Eligibility.OK)
        .containsEntry(no, Eligibility.NO_SHARE_CONSENT)
        .containsEntry(unknown, Eligibility.NO_SHARE_CONSENT);
    AddReport r = sourcing.add(list, List.of(yes, no, unknown), Map.of(yes, 80));
    assertThat(r.added()).isEqualTo(1);
    assertThat(r.refused()).containsOnlyKeys(no, unknown);
    assertThat(sourcing.entries(list)).extracting(SourcingEntry::candidateId).containsExactly(yes);
    assertThat(sourcing.entries(list).get(0).score()).isEqualTo(80);
    assertThat(sourcing.find(list).orElseThrow().sharedOfficeName()).isEqualTo("Adecco Toulouse");

    // an unshared list takes everyone, once
    UUID local = sourcing.create(new NewList("Locale", offer, null, owner, null));
    assertThat(sourcing.add(local, List.of(yes, no, unknown), null).added()).isEqualTo(3);
    assertThat(sourcing.add(local, List.of(no), null).refused())
        .containsEntry(no, Eligibility.ALREADY_IN_LIST);
    assertThat(sourcing.eligibility(local, List.of(UUID.randomUUID())).values())
        .containsExactly(Eligibility.UNKNOWN_CANDIDATE);
  }

  @Test
  void pipelineMovesKeepADatedHistory() {
    UUID list = sourcing.create(new NewList("Prépa", offer, null, owner, null));
    UUID c = f.person("Martin", "Léa").rome("N1103", 2).save();
    sourcing.add(list, List.of(c), null);
    UUID entry = sourcing.entries(list).get(0).id();

    clock.advanceMillis(86_400_000L);
    sourcing.move(entry, PipelineStatus.CONTACTED, "Appel, intéressée");
    clock.advanceMillis(86_400_000L);
    sourcing.move(entry, PipelineStatus.INTERVIEW, null);
    sourcing.move(entry, PipelineStatus.INTERVIEW, "no-op");

    SourcingEntry e = sourcing.entries(list).get(0);
    assertThat(e.status()).isEqualTo(PipelineStatus.INTERVIEW);
    assertThat(e.history())
        .extracting(HistoryEvent::status)
        .containsExactly(
            PipelineStatus.PROPOSED, PipelineStatus.CONTACTED, PipelineStatus.INTERVIEW);
    assertThat(e.history().get(1).from()).isEqualTo(PipelineStatus.PROPOSED);
    assertThat(e.history().get(1).note()).isEqualTo("Appel, intéressée");
    assertThat(Instant.parse(e.history().get(2).at()))
        .isAfter(Instant.parse(e.history().get(1).at()));
    assertThat(sourcing.find(list).orElseThrow().pipeline())
        .containsEntry(PipelineStatus.INTERVIEW, 1);
  }

  @Test
  void sharesOfPriorityPublicsAndRqthBesideThePool() {
    UUID list = sourcing.create(new NewList("Prépa", offer, null, owner, null));
    UUID rqth = f.person("A", "a").rome("N1103", 1).criteria("RQTH", "DELD").save();
    UUID rsa = f.person("B", "b").rome("N1103", 1).criteria("RSA").save();
    UUID none = f.person("C", "c").rome("N1103", 1).save();
    f.person("D", "d").rome("N1103", 1).save();
    f.person("E", "e").rome("N1103", 1).criteria("QPV").status("EMPLOYED").save();
    sourcing.add(list, List.of(rqth, rsa, none), null);

    Shares sh = sourcing.find(list).orElseThrow().shares();
    assertThat(sh.listSize()).isEqualTo(3);
    assertThat(sh.listPriority()).isEqualTo(2);
    assertThat(sh.listRqth()).isEqualTo(1);
    assertThat(sh.poolSize()).isEqualTo(4);
    assertThat(sh.poolPriority()).isEqualTo(2);
    assertThat(sh.poolRqth()).isEqualTo(1);
    assertThat(sh.listPriorityShare()).isEqualTo(2 / 3.0);
    assertThat(sh.poolRqthShare()).isEqualTo(0.25);
  }

  @Test
  void manyListsEachGetTheirOwnPipelineAndShares() {
    // past SourcingReads.IN_LIST_MAX lists the figures are read for every list, then sorted out
    UUID rqth = f.person("A", "a").rome("N1103", 1).criteria("RQTH").save();
    UUID rsa = f.person("B", "b").rome("N1103", 1).criteria("RSA").save();
    UUID none = f.person("C", "c").rome("N1103", 1).save();
    int n = SourcingReads.IN_LIST_MAX + 5;
    for (int i = 0; i < n; i++) {
      UUID list = sourcing.create(new NewList("Liste " + i, offer, null, owner, null));
      sourcing.add(list, i % 2 == 0 ? List.of(rqth, none) : List.of(rsa), null);
    }
    UUID closed = sourcing.create(new NewList("Close", offer, null, owner, null));
    sourcing.add(closed, List.of(rqth, rsa, none), null);
    sourcing.close(closed, TODAY);

    List<SourcingList> open = sourcing.lists(null, false);
    assertThat(open).hasSize(n);
    for (SourcingList l : open) {
      boolean even = Integer.parseInt(l.name().substring("Liste ".length())) % 2 == 0;
      assertThat(l.shares().listSize()).as(l.name()).isEqualTo(even ? 2 : 1);
      assertThat(l.shares().listPriority()).as(l.name()).isEqualTo(1);
      assertThat(l.shares().listRqth()).as(l.name()).isEqualTo(even ? 1 : 0);
    }
  }

  @Test
  void closedListRefusesNewEntries() {
    UUID list = sourcing.create(new NewList("Prépa", offer, null, owner, null));
    UUID c = f.person("Martin", "Léa").rome("N1103", 2).save();
    sourcing.close(list, TODAY);
    assertThat(sourcing.add(list, List.of(c), null).refused())
        .containsEntry(c, Eligibility.LIST_CLOSED);
    assertThat(sourcing.lists(null, false)).isEmpty();
    assertThat(sourcing.lists(null, true)).hasSize(1);
  }

  @Test
  void statusOrder() {
    assertThat(PipelineStatus.PROPOSED.next()).isEqualTo(PipelineStatus.CONTACTED);
    assertThat(PipelineStatus.INTERVIEW.next()).isEqualTo(PipelineStatus.HIRED);
    assertThat(PipelineStatus.HIRED.next()).isEqualTo(PipelineStatus.HIRED);
    assertThat(PipelineStatus.CONTACTED.previous()).isEqualTo(PipelineStatus.PROPOSED);
    assertThat(PipelineStatus.DECLINED.isFinal()).isTrue();
  }
}
