package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory name index (ADR 0041) answers exactly what the SQL path answers: same rows in the
 * same order, same count, for typed prefixes of every length and for every filter; and it is never
 * used once the data changed.
 */
class NameOrderIndexTest {
  @TempDir Path dir;
  Services services;
  CandidateService candidates;

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir, "Agence Toulouse", OfficeKind.FRANCE_TRAVAIL);
    candidates = services.candidates();
  }

  @AfterEach
  void close() {
    services.close();
  }

  private NameOrderIndex snapshot() {
    var dsl = services.db().dsl();
    return NameOrderIndex.build(dsl, NameIndexCache.version(dsl));
  }

  @Test
  void noSnapshotIsBuiltOrUsedWhileSearchKeysAreQueued() {
    CandidateBenchmark.load(services, 20, 3);
    var dsl = services.db().dsl();
    List<Runnable> builds = new ArrayList<>();
    NameIndexCache cache = new NameIndexCache(() -> dsl, builds::add);
    var someone =
        dsl.select(fr.passerelle.db.jooq.Tables.CANDIDATE.ID)
            .from(fr.passerelle.db.jooq.Tables.CANDIDATE)
            .limit(1);
    CandidateIndex.queue(dsl, someone);

    assertThat(cache.fresh()).isEmpty();
    assertThat(builds).as("no build while keys are queued").isEmpty();

    CandidateIndex.catchUp(dsl, fr.passerelle.core.Progress.NONE);
    assertThat(cache.fresh()).isEmpty();
    assertThat(builds).hasSize(1);
    builds.get(0).run();
    assertThat(cache.fresh()).isPresent();

    CandidateIndex.queue(dsl, someone); // queued again: the snapshot is no longer current
    assertThat(cache.fresh()).isEmpty();
  }

  @Test
  void answersLikeTheSqlPathForPrefixesAndFilters() {
    CandidateBenchmark.load(services, 1_500, 11);
    CandidateSearch search = new CandidateSearch(candidates.reference());
    NameOrderIndex idx = snapshot();
    assertThat(idx.size()).isEqualTo(1_500);

    List<CandidateQuery> queries = new ArrayList<>();
    for (String typed : List.of("lefevre helene", "garcia", "toulouse", "aide soignant", "mü")) {
      for (int len = 1; len <= typed.length(); len++) {
        queries.add(CandidateQuery.text(typed.substring(0, len)));
      }
    }
    queries.add(CandidateQuery.all());
    queries.add(CandidateQuery.text("zzzz"));
    queries.add(CandidateQuery.all().withOccupation(null, "N11").withArea("31555", 30));
    queries.add(
        CandidateQuery.text("m")
            .withOccupation(CandidateBenchmark.romes(services).get(3), null)
            .withCriteria(Set.of(PriorityCriterion.RQTH, PriorityCriterion.RSA)));
    queries.add(
        CandidateQuery.all()
            .withAvailableBy(LocalDate.of(2026, 3, 1))
            .withStatus(CandidateStatus.ACTIVE)
            .withConsentShare(true)
            .withArea("31555", 10));
    queries.add(
        CandidateQuery.text("b").withConsentShare(false).withStatus(CandidateStatus.EMPLOYED));
    queries.add(CandidateQuery.all().withArea("99999", 10));

    var dsl = services.db().dsl();
    Random rnd = new Random(5);
    for (CandidateQuery q : queries) {
      int offset = rnd.nextInt(3) == 0 ? 50 : 0;
      var viaSql = search.page(dsl, q, offset, 50);
      CandidatePage viaMemory = search.page(dsl, idx, q, offset, 50);
      assertThat(viaMemory.rows()).as(q.toString()).isEqualTo(viaSql);
      int sqlCount = candidates.count(q);
      assertThat(viaMemory.total()).as("count of " + q).isEqualTo(sqlCount);
    }
  }

  @Test
  void isUsedOnlyForTheVersionItWasBuiltAt() {
    candidates.save(person("Lefèvre", "Hélène", CandidateServiceTest.TOULOUSE), null);
    List<Runnable> builds = new ArrayList<>();
    NameIndexCache cache = new NameIndexCache(() -> services.db().dsl(), builds::add);

    assertThat(cache.fresh()).as("nothing built yet").isEmpty();
    assertThat(builds).hasSize(1);
    assertThat(cache.fresh()).as("one build at a time").isEmpty();
    assertThat(builds).hasSize(1);
    builds.remove(0).run();
    assertThat(cache.fresh()).isPresent();

    candidates.save(person("Martin", "Paul", CandidateServiceTest.TOULOUSE), null);
    assertThat(cache.fresh()).as("stale after a write").isEmpty();
    builds.remove(0).run();
    NameOrderIndex idx = cache.fresh().orElseThrow();
    assertThat(idx.size()).isEqualTo(2);
    assertThat(
            new CandidateSearch(candidates.reference())
                .select(idx, CandidateQuery.text("pa"))
                .cardinality())
        .isEqualTo(1);

    cache.invalidate();
    assertThat(cache.fresh()).as("invalidated after a reindex").isEmpty();
  }
}
