package fr.passerelle.sourcing;

import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.testsupport.OfferFixtures.TODAY;
import static fr.passerelle.testsupport.OfferFixtures.TOULOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "My lists" keeps every list's figures between calls and follows the changes made since (ADR
 * 0205): each change made after the first load is in the next answer, which is always the one read
 * from the database ({@code find}, no cache), and a change the delta can place is followed without
 * reading every entry again.
 */
class ListsFollowChangesTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;
  SourcingService sourcing;
  UUID offer;
  UUID owner;
  UUID a;
  UUID b;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    sourcing = s.sourcing();
    offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    owner = f.counselor("Claire", "Dubois");
    a = sourcing.create(new NewList("A", offer, null, owner, null));
    b = sourcing.create(new NewList("B", null, "N1103", owner, null));
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void everyChangeAfterTheFirstLoadIsInTheNextAnswer() {
    UUID rqth = f.person("Rqth", "a").rome("N1103", 1).criteria("RQTH", "DELD").save();
    UUID rsa = f.person("Rsa", "b").rome("N1103", 1).criteria("RSA").save();
    UUID none = f.person("Sans", "c").rome("N1103", 1).save();
    sourcing.add(a, List.of(rqth, none), null);
    sourcing.add(b, List.of(rsa), null);
    assertFigures(a, 2, 1, 1);
    assertFigures(b, 1, 1, 0);
    int whole = sourcing.listsReadWhole();

    // someone with RQTH added to a list (their criteria read then)
    UUID late = f.person("Tardif", "d").rome("N1103", 1).criteria("RQTH").save();
    sourcing.add(b, List.of(late), null);
    assertFigures(b, 2, 2, 1);

    // a move, then a removal (a tombstone: it no longer names its list) and its undo
    SourcingEntry first = sourcing.entries(a).get(0);
    sourcing.move(first.id(), PipelineStatus.CONTACTED, null);
    assertThat(byId(a).pipeline())
        .containsEntry(PipelineStatus.CONTACTED, 1)
        .containsEntry(PipelineStatus.PROPOSED, 1);
    SourcingEntry gone = entryOf(a, rqth);
    sourcing.remove(gone.id());
    assertFigures(a, 1, 0, 0);
    sourcing.restore(gone);
    assertFigures(a, 2, 1, 1);

    // a criterion given to someone on a list
    addCriterion(none, "RQTH");
    assertFigures(a, 2, 2, 2);
    assertThat(sourcing.listsReadWhole()).as("followed, not read again whole").isEqualTo(whole);

    // a criterion taken away (its tombstone names nobody: the criteria are read again)
    removeCriteria(rqth, "RQTH");
    assertFigures(a, 2, 2, 1);

    // the same person on two lists, then off one of them
    sourcing.add(b, List.of(none), null);
    assertFigures(b, 3, 3, 2);
    SourcingEntry twice = entryOf(b, none);
    sourcing.remove(twice.id());
    assertFigures(b, 2, 2, 1);
    assertFigures(a, 2, 2, 1);
    addCriterion(none, "QPV");
    assertFigures(a, 2, 2, 1);

    // the list itself: closed, and its offer renamed
    Offer o = s.offersModule().offers().find(offer).orElseThrow();
    s.offersModule().offers().save(OfferFixtures.edited(o, "Cariste", 1), o.version());
    assertThat(byId(a).offerTitle()).isEqualTo("Cariste");
    sourcing.close(b, TODAY);
    assertThat(sourcing.lists(null, false)).extracting(SourcingList::id).containsExactly(a);
  }

  @Test
  void aReturnWithNoChangeReadsNothingAgain() {
    UUID rqth = f.person("Rqth", "a").rome("N1103", 1).criteria("RQTH").save();
    sourcing.add(a, List.of(rqth), null);
    List<SourcingList> first = sourcing.lists(null, false);
    int whole = sourcing.listsReadWhole();
    assertThat(sourcing.lists(null, false)).isEqualTo(first);
    assertThat(sourcing.lists(null, false)).isEqualTo(first);
    assertThat(sourcing.listsReadWhole()).isEqualTo(whole);
  }

  /** "My lists" says of {@code list} what the database says now (size, priority, RQTH). */
  private void assertFigures(UUID list, int size, int priority, int rqth) {
    SourcingList mine = byId(list);
    SourcingList read = sourcing.find(list).orElseThrow();
    assertThat(mine).as("my lists = the database").isEqualTo(read);
    assertThat(mine.shares().listSize()).as("size").isEqualTo(size);
    assertThat(mine.shares().listPriority()).as("priority publics").isEqualTo(priority);
    assertThat(mine.shares().listRqth()).as("RQTH").isEqualTo(rqth);
  }

  private SourcingEntry entryOf(UUID list, UUID candidate) {
    return sourcing.entries(list).stream()
        .filter(e -> e.candidateId().equals(candidate))
        .findFirst()
        .orElseThrow();
  }

  private SourcingList byId(UUID list) {
    return sourcing.lists(null, false).stream()
        .filter(l -> l.id().equals(list))
        .findFirst()
        .orElseThrow();
  }

  private void addCriterion(UUID candidate, String criterion) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var r = cfg.dsl().newRecord(CANDIDATE_CRITERION);
              r.setCandidateId(candidate);
              r.setCriterion(criterion);
              s.writer().insert(cfg.dsl(), r);
            });
  }

  private void removeCriteria(UUID candidate, String criterion) {
    s.db()
        .dsl()
        .transaction(
            cfg ->
                cfg.dsl()
                    .select(CANDIDATE_CRITERION.ID)
                    .from(CANDIDATE_CRITERION)
                    .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(candidate))
                    .and(CANDIDATE_CRITERION.CRITERION.eq(criterion))
                    .and(CANDIDATE_CRITERION.DELETED.isFalse())
                    .fetch(CANDIDATE_CRITERION.ID)
                    .forEach(id -> s.writer().delete(cfg.dsl(), CANDIDATE_CRITERION, id)));
  }
}
