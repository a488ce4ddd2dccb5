package fr.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's life: built, rebuilt, following the database, resumed after a kill (ADR 0100). */
class SearchIndexTest {
  @TempDir Path dir;
  Services services;

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  private UUID person(String last, String first, boolean share) {
    return services
        .candidates()
        .save(
            new CandidateDetail(
                null,
                null,
                last,
                first,
                LocalDate.of(1990, 1, 1),
                null,
                null,
                null,
                "31555",
                null,
                10,
                true,
                null,
                CandidateStatus.ACTIVE,
                null,
                null,
                List.of(),
                List.of(),
                new CandidateDetail.Consent(share, null, false, null, null)),
            null)
        .id();
  }

  private List<String> found(String text) {
    return services.search().find(Kind.CANDIDATE, text, 20).orElseThrow().stream()
        .map(SearchHit::title)
        .toList();
  }

  @Test
  void deletedIndexIsRebuiltFromTheDatabase() throws IOException {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    person("Lefèvre", "Hélène", false);
    assertThat(found("lefevre")).containsExactly("LEFÈVRE Hélène");
    services.close();
    Path index = dir.resolve(LuceneSearchIndex.FOLDER);
    assertThat(index).isDirectory();
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(index).doesNotExist();

    services = TestServices.open(dir);
    assertThat(found("lefvre")).containsExactly("LEFÈVRE Hélène");
    assertThat(services.search().status().state()).isEqualTo(IndexStatus.State.CURRENT);
  }

  @Test
  void anIndexOfAnotherReplicaIsRebuiltNotTrusted() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    person("Martin", "Paul", false);
    assertThat(found("martin")).containsExactly("MARTIN Paul");
    // a restore gives the installation a new replica id: the index must not be trusted as is
    fr.passerelle.db.BackupService.renewReplicaId(
        services.db(), fr.passerelle.db.WallClock.system());
    UUID other = person("Durand", "Lou", false);
    assertThat(found("durand")).containsExactly("DURAND Lou");
    assertThat(found("martin")).containsExactly("MARTIN Paul");
    assertThat(other).isNotNull();
  }

  /**
   * Issue 21: recovery work must never block the user's commands. Held in the middle of a catch-up
   * (its second step), a counselor's write to a row being caught up and a read of it go through
   * with a lock timeout of 200 ms: the catch-up holds no lock they could wait for.
   */
  @Test
  void aCatchUpHoldsNoLockAWriteOrAReadWaitsFor() throws Exception {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    services.search().catchUp(Progress.NONE);
    services.search().close();
    UUID first = person("Bloque", "Jamais", false);
    for (int i = 0; i < 30; i++) {
      person("Suivant" + (char) ('a' + i % 26), "Numero" + i, false);
    }
    var dsl = services.db().dsl();
    LuceneSearchIndex index = new LuceneSearchIndex(() -> dsl, dir, 10);
    java.util.concurrent.ExecutorService counselor =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    int[] steps = {0};
    List<String> seen = new java.util.ArrayList<>();
    try {
      index.catchUp(
          new Progress() {
            @Override
            public void update(long done, long total, String message) {
              if (++steps[0] != 2) {
                return;
              }
              try {
                seen.add(
                    counselor
                        .submit(
                            () ->
                                dsl.connectionResult(
                                    c -> {
                                      try (var st = c.createStatement()) {
                                        st.execute(
                                            dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES
                                                ? "SET lock_timeout = '200ms'"
                                                : "SET LOCK_TIMEOUT 200");
                                        st.executeUpdate(
                                            "UPDATE CANDIDATE SET NOTES = 'pendant le rattrapage'"
                                                + " WHERE ID = '"
                                                + first
                                                + "'");
                                        try (var rs =
                                            st.executeQuery(
                                                "SELECT NOTES FROM CANDIDATE WHERE ID = '"
                                                    + first
                                                    + "'")) {
                                          rs.next();
                                          return rs.getString(1);
                                        }
                                      }
                                    }))
                        .get());
              } catch (Exception e) {
                throw new AssertionError("a write or read waited for the catch-up", e);
              }
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          });
      assertThat(steps[0]).as("the catch-up went by steps").isGreaterThanOrEqualTo(2);
      assertThat(seen).containsExactly("pendant le rattrapage");
    } finally {
      counselor.shutdownNow();
      index.close();
    }
  }

  @Test
  void aCatchUpKilledMidWayResumesFromItsLastCommittedStep() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    person("Premier", "Avant", false);
    services.search().catchUp(Progress.NONE);
    long before = services.search().status().indexedChange();
    services.search().close(); // from here the rows are written with no index following them
    for (int i = 0; i < 30; i++) {
      person("Nouveau" + (char) ('a' + i % 26), "Numero" + i, false);
    }
    var dsl = services.db().dsl();
    // a catch-up committed every 10 change sequences, killed after its third step
    LuceneSearchIndex killed = new LuceneSearchIndex(() -> dsl, dir, 10);
    int[] steps = {0};
    assertThatThrownBy(
            () ->
                killed.catchUp(
                    new Progress() {
                      @Override
                      public void update(long done, long total, String message) {
                        if (++steps[0] == 3) {
                          throw new CancelledException();
                        }
                      }

                      @Override
                      public boolean isCancelled() {
                        return false;
                      }
                    }))
        .isInstanceOf(CancelledException.class);
    killed.kill();

    LuceneSearchIndex next = new LuceneSearchIndex(() -> dsl, dir, 10);
    try {
      long resumed = next.committedChange();
      assertThat(resumed).as("committed steps survive the kill").isGreaterThan(before);
      long target = fr.passerelle.db.ReplicatedWriter.currentReplica(dsl).getChangeSeq();
      assertThat(resumed).as("but not the whole catch-up").isLessThan(target);
      next.catchUp(Progress.NONE);
      for (int i = 0; i < 30; i++) {
        assertThat(next.find(Kind.CANDIDATE, "numero" + i, 5, false).orElseThrow())
            .extracting(SearchHit::title)
            .first()
            .isEqualTo("NOUVEAU" + (char) ('A' + i % 26) + " Numero" + i);
      }
      assertThat(next.status().indexedChange()).isEqualTo(target);
    } finally {
      next.close();
    }
  }

  @Test
  void aPartnerInstallationNeverFindsAPersonWhoDidNotConsent() {
    services = TestServices.withOffice(dir, "Cap emploi Tarn", OfficeKind.PARTNER);
    UUID yes = person("Martin", "Consent", true);
    person("Martin", "Refus", false);
    CandidateSearch cs = services.candidateSearch();
    assertThat(cs.search(fr.passerelle.candidates.CandidateQuery.text("martin"), 0, 50))
        .extracting(s -> s.id())
        .containsExactly(yes);
    assertThat(found("martin")).containsExactly("MARTIN Consent");
    assertThat(found("refus")).isEmpty();
    assertThat(services.participants().searchCandidates("martin", 10))
        .extracting(h -> h.id())
        .containsExactly(yes);
    assertThat(cs.count(fr.passerelle.candidates.CandidateQuery.text("martin"))).isEqualTo(1);
    // the same rule while the index does not answer (the database does)
    services.search().close();
    assertThat(cs.search(fr.passerelle.candidates.CandidateQuery.text("martin"), 0, 50))
        .extracting(s -> s.id())
        .containsExactly(yes);
    assertThat(services.participants().searchCandidates("martin", 10))
        .extracting(h -> h.id())
        .containsExactly(yes);
  }

  @Test
  void anOfficeOfTheNetworksFindsEveryone() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    person("Martin", "Consent", true);
    person("Martin", "Refus", false);
    assertThat(found("martin")).hasSize(2);
  }
}
