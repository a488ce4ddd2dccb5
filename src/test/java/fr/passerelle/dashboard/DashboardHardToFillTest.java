package fr.passerelle.dashboard;

import static fr.passerelle.testsupport.OfferFixtures.ALBI;
import static fr.passerelle.testsupport.OfferFixtures.TODAY;
import static fr.passerelle.testsupport.OfferFixtures.TOULOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.OfferFilter;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One definition of "difficile à pourvoir" (issue 19 item 5, ADR 0174): the dashboard's figure of
 * today is the number of offers the offers view flags, and its history counts the same rules with
 * the offer's age on each day. Today is {@link OfferFixtures#TODAY}, 5 January 2026.
 */
class DashboardHardToFillTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    // N1103 candidates around Toulouse: nobody reaches Albi (70 km)
    for (int i = 0; i < 5; i++) {
      f.person("Cand" + i, "T").rome("N1103", 1).save();
    }
    s.offersModule().tension().set("K2204", true, "Cantines scolaires");
    f.offer("recent, candidates around", "N1103", TOULOUSE, TODAY.minusDays(10));
    f.offer("old (130 days), candidates around: 2 points", "N1103", TOULOUSE, TODAY.minusDays(130));
    f.offer("nobody in reach, 70 days: flagged", "N1103", ALBI, TODAY.minusDays(70));
    f.offer("nobody in reach, 63 days: flagged since 3 days", "N1103", ALBI, TODAY.minusDays(63));
    f.offer("nobody in reach, recent", "N1103", ALBI, TODAY.minusDays(5));
    f.offer("BMO family, nobody in reach: flagged", "F1603", TOULOUSE, TODAY.minusDays(5));
    f.offer("in tension, nobody in reach: flagged", "K2204", TOULOUSE, TODAY.minusDays(20));
    UUID yes = f.offer("recent but marked YES", "N1103", TOULOUSE, TODAY.minusDays(10));
    s.offersModule().offers().setOverride(yes, true, "employeur exigeant");
    UUID no = f.offer("old, nobody in reach, marked NO", "N1103", ALBI, TODAY.minusDays(200));
    s.offersModule().offers().setOverride(no, false, "recrutement en cours");
    UUID closed = f.offer("closed", "N1103", ALBI, TODAY.minusDays(100));
    s.offersModule().offers().close(closed, TODAY.minusDays(2));
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private Indicators thisMonth() {
    return s.stats().indicators(Period.of(Period.Preset.THIS_MONTH, TODAY), null);
  }

  @Test
  void todaysFigureIsTheNumberOfOffersTheOffersViewFlags() {
    int flagged = s.offersModule().hardToFill().openOffers(OfferFilter.ALL).hardToFill();
    assertThat(flagged).as("the offers view's count").isEqualTo(5);
    Indicators i = thisMonth();
    assertThat(i.value("offers.hardToFill")).isEqualTo(flagged);
    List<MonthPoint> months = i.offersByMonth();
    assertThat(months.get(months.size() - 1).hardToFill())
        .as("the trend's current month, counted today")
        .isEqualTo(flagged);
  }

  @Test
  void thePastIsCountedWithTheSameRulesAndTheAgeOfThatDay() {
    // on 31 December: the 63-day offer was 58 days old (not yet), the closed one was open and 95
    // days old with nobody in reach (flagged); the others as today
    MonthPoint december = thisMonth().offersByMonth().get(StatsService.TREND_MONTHS - 2);
    assertThat(december.month()).isEqualTo(YearMonth.of(2025, 12));
    assertThat(december.hardToFill()).isEqualTo(5);
    // on 30 November: only the closed one, 64 days old with nobody in reach; the 130-day offer was
    // 94 days old with candidates around (1 point), the 70-day one 34 days old
    MonthPoint november = thisMonth().offersByMonth().get(StatsService.TREND_MONTHS - 3);
    assertThat(november.hardToFill()).isEqualTo(1);
  }

  @Test
  void aCounselorsMarkOrANewCandidateInReachMovesTodaysFigureLikeTheOffersView() {
    long was = thisMonth().value("offers.hardToFill");
    // a candidate who reaches Albi: the Albi offers now have 1 in reach (1 point instead of 2), so
    // the 70- and 63-day ones are no longer flagged
    f.person("Albigeois", "A").in(ALBI, 10).rome("N1103", 1).save();
    long now = thisMonth().value("offers.hardToFill");
    assertThat(now)
        .isEqualTo(s.offersModule().hardToFill().openOffers(OfferFilter.ALL).hardToFill())
        .isEqualTo(was - 2);
  }
}
