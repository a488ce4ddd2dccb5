package fr.passerelle.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A query is built part by part; changing one part keeps every other. */
class CandidateQueryTest {
  private final LocalDate january4 = LocalDate.of(2027, 1, 4);
  private final CandidateQuery q =
      CandidateQuery.builder()
          .text("cariste")
          .occupation("N1101", "N11")
          .area("31555", 20)
          .availableBy(january4)
          .criteria(Set.of(PriorityCriterion.DELD))
          .status(CandidateStatus.ACTIVE)
          .consentShare(true)
          .ageBand(AgeBand.FROM_50)
          .build();

  @Test
  void theBuilderSetsEachPartAndNothingSetIsNoFilter() {
    assertThat(q)
        .isEqualTo(
            new CandidateQuery(
                "cariste",
                "N1101",
                "N11",
                "31555",
                20,
                january4,
                Set.of(PriorityCriterion.DELD),
                CandidateStatus.ACTIVE,
                true,
                AgeBand.FROM_50));
    assertThat(CandidateQuery.all())
        .isEqualTo(new CandidateQuery(null, null, null, null, null, null, null, null, null, null));
    assertThat(CandidateQuery.text("lefevre").text()).isEqualTo("lefevre");
  }

  @Test
  void eachWithChangesItsPartOnly() {
    assertThat(q.toBuilder().build()).isEqualTo(q);
    assertThat(q.withText("soudeur").text()).isEqualTo("soudeur");
    assertThat(q.withText("soudeur").withText("cariste")).isEqualTo(q);
    assertThat(q.withOccupation(null, null).withOccupation("N1101", "N11")).isEqualTo(q);
    assertThat(q.withArea(null, null).withArea("31555", 20)).isEqualTo(q);
    assertThat(q.withAvailableBy(null).withAvailableBy(january4)).isEqualTo(q);
    assertThat(q.withCriteria(Set.of()).withCriteria(Set.of(PriorityCriterion.DELD))).isEqualTo(q);
    assertThat(q.withStatus(null).withStatus(CandidateStatus.ACTIVE)).isEqualTo(q);
    assertThat(q.withConsentShare(null).withConsentShare(true)).isEqualTo(q);
    assertThat(q.withAgeBand(null).withAgeBand(AgeBand.FROM_50)).isEqualTo(q);
    assertThat(q.withAgeBand(null).ageBand()).isNull();
    assertThat(q.withAgeBand(null).text()).isEqualTo("cariste");
  }
}
