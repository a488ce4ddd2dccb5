package fr.passerelle.demo;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.core.Progress;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo candidates are findable by the Candidates search (the generator rebuilds the index). */
class DemoSearchTest {
  @TempDir Path dir;

  @Test
  void generatedCandidatesAreFoundByName() {
    try (Services s = TestServices.open(dir)) {
      new DemoService(s)
          .generate(
              new DemoService.Options(300, 7L, 150, LocalDate.of(2026, 11, 29)), Progress.NONE);
      var someone =
          s.db()
              .dsl()
              .select(CANDIDATE.ID, CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME)
              .from(CANDIDATE)
              .where(CANDIDATE.DELETED.isFalse())
              .orderBy(CANDIDATE.ID)
              .limit(1)
              .fetchSingle();
      UUID id = someone.value1();
      var hits =
          s.candidateSearch()
              .search(CandidateQuery.text(someone.value2() + " " + someone.value3()), 0, 50);
      assertThat(hits).extracting(CandidateSummary::id).contains(id);
    }
  }
}
