package fr.passerelle.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreRulesTest {
  private static final LocalDate START = LocalDate.of(2026, 2, 1);

  @Test
  void sameOccupationScoresFull() {
    var r = ScoreRules.occupation("N1103", "N1103", "N1103", "N1103").orElseThrow();
    assertThat(r.kind()).isEqualTo(MatchReason.Kind.SAME_OCCUPATION);
    assertThat(r.points()).isEqualTo(40);
  }

  @Test
  void sameV3ParentScoresPartialEvenAcrossDomains() {
    var r = ScoreRules.occupation("A1206", "F1101", "F1101", "F1101").orElseThrow();
    assertThat(r.kind()).isEqualTo(MatchReason.Kind.SAME_PARENT);
    assertThat(r.points()).isEqualTo(25);
  }

  @Test
  void sameDomainScoresPartial() {
    var r = ScoreRules.occupation("N1105", "N1105", "N1103", "N1103").orElseThrow();
    assertThat(r.kind()).isEqualTo(MatchReason.Kind.SAME_DOMAIN);
    assertThat(r.points()).isEqualTo(20);
    assertThat(r.detail()).isEqualTo("N11");
  }

  @Test
  void unrelatedOccupationIsNoMatch() {
    assertThat(ScoreRules.occupation("J1501", "J1501", "N1103", "N1103")).isEmpty();
  }

  @Test
  void distanceScoresFromTwentyAtHomeToFiveAtTheEdgeAndNothingBeyond() {
    assertThat(ScoreRules.distance(0, 30).orElseThrow().points()).isEqualTo(20);
    assertThat(ScoreRules.distance(15, 30).orElseThrow().points()).isEqualTo(13);
    assertThat(ScoreRules.distance(30, 30).orElseThrow().points()).isEqualTo(5);
    assertThat(ScoreRules.distance(30.5, 30)).isEmpty();
    assertThat(ScoreRules.distance(Double.NaN, 30)).isEmpty();
    assertThat(ScoreRules.distance(0, 0).orElseThrow().points()).isEqualTo(20);
  }

  @Test
  void availabilityAgainstTheOfferStart() {
    assertThat(ScoreRules.availability(null, START).points()).isEqualTo(20);
    assertThat(ScoreRules.availability(START, START).kind()).isEqualTo(MatchReason.Kind.AVAILABLE);
    var soon = ScoreRules.availability(START.plusDays(30), START);
    assertThat(soon.kind()).isEqualTo(MatchReason.Kind.AVAILABLE_SOON);
    assertThat(soon.points()).isEqualTo(10);
    var later = ScoreRules.availability(START.plusDays(31), START);
    assertThat(later.kind()).isEqualTo(MatchReason.Kind.AVAILABLE_LATER);
    assertThat(later.points()).isZero();
  }

  @Test
  void experienceFourPointsPerYearCappedAtFiveYears() {
    assertThat(ScoreRules.experience(null).points()).isZero();
    assertThat(ScoreRules.experience(2).points()).isEqualTo(8);
    assertThat(ScoreRules.experience(5).points()).isEqualTo(20);
    assertThat(ScoreRules.experience(12).points()).isEqualTo(20);
    assertThat(ScoreRules.experience(-3).points()).isZero();
  }

  @Test
  void boostOnlyWhenEnabledAndThePersonIsAPriorityPublic() {
    assertThat(ScoreRules.boost(false, Set.of("RQTH"))).isEmpty();
    assertThat(ScoreRules.boost(true, Set.of())).isEmpty();
    var b = ScoreRules.boost(true, List.of("RSA", "DELD")).orElseThrow();
    assertThat(b.points()).isEqualTo(15);
    assertThat(b.detail()).isEqualTo("DELD, RSA");
  }
}
