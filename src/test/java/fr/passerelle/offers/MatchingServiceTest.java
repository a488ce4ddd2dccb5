package fr.passerelle.offers;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingServiceTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;
  UUID offer;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY.minusDays(3));
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private MatchResult match(boolean boost) {
    return s.offersModule().matching().candidatesFor(offer, 50, boost);
  }

  @Test
  void ranksByExplainableScoreWithReasons() {
    UUID expert = f.person("Martin", "Léa").rome("N1103", 6).save();
    UUID novice = f.person("Durand", "Paul").in(BLAGNAC, 15).rome("N1103", 0).save();
    UUID domain = f.person("Petit", "Inès").rome("N1105", 6).save();

    var result = match(false);

    assertThat(result.matches())
        .extracting(CandidateMatch::candidateId)
        .containsExactly(expert, domain, novice);
    CandidateMatch top = result.matches().get(0);
    assertThat(top.score()).isEqualTo(40 + 20 + 20 + 20);
    assertThat(top.reasons())
        .extracting(MatchReason::kind)
        .containsExactly(
            MatchReason.Kind.SAME_OCCUPATION,
            MatchReason.Kind.DISTANCE,
            MatchReason.Kind.AVAILABLE,
            MatchReason.Kind.EXPERIENCE);
    assertThat(result.matches().get(1).reasons().get(0).kind())
        .isEqualTo(MatchReason.Kind.SAME_DOMAIN);
    CandidateMatch far = result.matches().get(2);
    assertThat(far.km()).isBetween(5.0, 10.0);
    assertThat(far.reasons().get(1).points()).isLessThan(20);
    assertThat(result.pool()).isEqualTo(3);
  }

  /**
   * The offer's row said "1 candidat(s) à portée" while its pane said "Vivier : 12 candidats à
   * portée" (#19): the row counts the offer's own occupation, the pane close ones too. The pane now
   * gives the part of its own occupation, which is the row's figure.
   */
  @Test
  void thePoolSaysHowManyHaveTheOffersOwnOccupationAsItsRowDoes() {
    f.person("Martin", "Léa").rome("N1103", 6).save();
    f.person("Durand", "Paul").in(BLAGNAC, 15).rome("N1103", 0).save();
    f.person("Petit", "Inès").rome("N1105", 6).save();
    f.person("Roux", "Zoé").rome("N1105", 1).rome("N1103", 0).save();

    var result = match(false);
    int rowFigure =
        s
            .offersModule()
            .hardToFill()
            .openOffers(new OfferFilter(false, null, null, null, 10))
            .rows()
            .stream()
            .filter(r -> r.offer().id().equals(offer))
            .findFirst()
            .orElseThrow()
            .hardToFill()
            .candidatesInReach();

    assertThat(result.pool()).isEqualTo(4);
    assertThat(result.poolSameOccupation()).isEqualTo(3).isEqualTo(rowFigure);
  }

  @Test
  void sameParentCountsAcrossDomains() {
    UUID other = f.offer("Conducteur de travaux", "F1101", TOULOUSE, TODAY);
    UUID landscaper = f.person("Roux", "Zoé").rome("A1206", 2).save();
    var result = s.offersModule().matching().candidatesFor(other, 10, false);
    assertThat(result.matches())
        .extracting(CandidateMatch::candidateId)
        .containsExactly(landscaper);
    assertThat(result.matches().get(0).reasons().get(0).kind())
        .isEqualTo(MatchReason.Kind.SAME_PARENT);
  }

  @Test
  void onlyActiveCandidatesWithinTheirRadiusAndRelatedOccupation() {
    f.person("Inactif", "A").status("EMPLOYED").rome("N1103", 3).save();
    f.person("Loin", "B").in(MONTPELLIER, 50).rome("N1103", 3).save();
    f.person("Rayon", "C").in(ALBI, 30).rome("N1103", 3).save();
    f.person("Soignant", "D").rome("J1501", 3).save();
    UUID ok = f.person("Mobile", "E").in(ALBI, 100).rome("N1103", 3).save();

    assertThat(match(false).matches()).extracting(CandidateMatch::candidateId).containsExactly(ok);
  }

  @Test
  void availabilityLowersTheScore() {
    UUID now = f.person("Now", "A").rome("N1103", 1).save();
    UUID later = f.person("Later", "B").rome("N1103", 1).availableFrom(TODAY.plusDays(90)).save();
    var m = match(false).matches();
    assertThat(m).extracting(CandidateMatch::candidateId).containsExactly(now, later);
    assertThat(m.get(0).score() - m.get(1).score()).isEqualTo(20);
  }

  @Test
  void priorityBoostIsVisibleAndOptional() {
    UUID plain = f.person("Sans", "Critère").rome("N1103", 3).save();
    UUID rqth = f.person("Avec", "Critère").rome("N1103", 1).criteria("RQTH", "DELD").save();

    assertThat(match(false).matches())
        .extracting(CandidateMatch::candidateId)
        .containsExactly(plain, rqth);
    var boosted = match(true);
    assertThat(boosted.matches())
        .extracting(CandidateMatch::candidateId)
        .containsExactly(rqth, plain);
    CandidateMatch top = boosted.matches().get(0);
    assertThat(top.reasons())
        .extracting(MatchReason::kind)
        .contains(MatchReason.Kind.PRIORITY_BOOST);
    // RQTH is health data: it boosts, but a ranking names only the other criteria
    assertThat(top.criteria()).containsExactly("DELD");
    assertThat(top.reasons())
        .filteredOn(r -> r.kind() == MatchReason.Kind.PRIORITY_BOOST)
        .extracting(MatchReason::detail)
        .containsExactly("DELD");
    assertThat(boosted.poolPriority()).isEqualTo(1);
    assertThat(boosted.poolRqth()).isEqualTo(1);
  }

  @Test
  void limitKeepsTheBest() {
    for (int i = 0; i < 8; i++) {
      f.person("P" + i, "X").rome("N1103", i).save();
    }
    var m = s.offersModule().matching().candidatesFor(offer, 3, false);
    assertThat(m.matches()).hasSize(3);
    assertThat(m.pool()).isEqualTo(8);
    assertThat(m.matches().get(0).score()).isGreaterThanOrEqualTo(m.matches().get(2).score());
  }

  @Test
  void offersForACandidateRankedTheSameWay() {
    UUID near = offer;
    UUID domain = f.offer("Manutentionnaire", "N1105", BLAGNAC, TODAY);
    f.offer("Aide-soignant", "J1501", TOULOUSE, TODAY);
    f.offer("Préparateur Montpellier", "N1103", MONTPELLIER, TODAY);
    UUID closed = f.offer("Préparateur fermé", "N1103", TOULOUSE, TODAY.minusDays(9));
    s.offersModule().offers().close(closed, TODAY);
    UUID c = f.person("Martin", "Léa").rome("N1103", 2).save();

    var offers = s.offersModule().matching().offersFor(c, 10);

    assertThat(offers).extracting(o -> o.offer().id()).containsExactly(near, domain);
    assertThat(offers.get(0).reasons().get(0).kind()).isEqualTo(MatchReason.Kind.SAME_OCCUPATION);
  }

  @Test
  void unknownOfferIsAClearError() {
    assertThatThrownBy(() -> s.offersModule().matching().candidatesFor(UUID.randomUUID(), 5, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No offer");
  }
}
