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

class HardToFillServiceTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    // enough N1103 candidates around Toulouse so that "few candidates" does not fire there
    for (int i = 0; i < 5; i++) {
      f.person("Cand" + i, "T").rome("N1103", 1).save();
    }
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private HardToFill signal(UUID offer) {
    return s.offersModule()
        .hardToFill()
        .signalOf(s.offersModule().offers().find(offer).orElseThrow());
  }

  @Test
  void aRecentOfferWithCandidatesInReachIsNotHardToFill() {
    HardToFill h = signal(f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(10)));
    assertThat(h.reasons()).isEmpty();
    assertThat(h.effective()).isFalse();
    assertThat(h.candidatesInReach()).isEqualTo(5);
  }

  @Test
  void openForLongerThanTheThreshold() {
    HardToFill h = signal(f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(61)));
    assertThat(h.reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.OPEN_LONG);
    assertThat(h.reasons().get(0).value()).isEqualTo(61);
    assertThat(signal(f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(60))).reasons())
        .isEmpty();
  }

  @Test
  void thresholdIsASetting() {
    UUID o = f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(40));
    assertThat(signal(o).computed()).isFalse();
    s.offersModule().hardToFill().saveSettings(new HardToFillSettings(30, 5, 60));
    assertThat(s.offersModule().hardToFill().settings().openDays()).isEqualTo(30);
    assertThat(signal(o).reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.OPEN_LONG);
    assertThat(signal(o).score()).isEqualTo(1);
    s.offersModule().hardToFill().saveSettings(new HardToFillSettings(15, 5, 60));
    assertThat(signal(o).score()).isEqualTo(2); // more than twice the threshold
  }

  @Test
  void fewCandidatesWithinReach() {
    // Albi is ~70 km from Toulouse: the Toulouse candidates (20 km) do not reach it
    HardToFill h = signal(f.offer("Préparateur", "N1103", ALBI, TODAY));
    assertThat(h.reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.FEW_CANDIDATES);
    assertThat(h.candidatesInReach()).isZero();
    // a candidate added later is seen (the reach cache follows candidate changes)
    f.person("Albigeois", "A").in(ALBI, 10).rome("N1103", 1).save();
    assertThat(signal(f.offer("Préparateur 2", "N1103", ALBI, TODAY)).candidatesInReach())
        .isEqualTo(1);
  }

  @Test
  void occupationInTensionAtThisOffice() {
    UUID o = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    s.offersModule().tension().set("N1103", true, "Plateformes logistiques Eurocentre");
    HardToFill h = signal(o);
    assertThat(h.reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.OCCUPATION_IN_TENSION);
    assertThat(h.reasons().get(0).label()).isEqualTo("Plateformes logistiques Eurocentre");
    s.offersModule().tension().set("N1103", false, null);
    assertThat(signal(o).reasons()).isEmpty();
  }

  @Test
  void bmoDifficultyOfTheMappedFamily() {
    // F16 (second oeuvre) maps to BMO family O (construction workers), 73.1 % difficult in 2025
    for (int i = 0; i < 5; i++) {
      f.person("Plombier" + i, "P").rome("F1603", 2).save();
    }
    HardToFill h = signal(f.offer("Plombier chauffagiste", "F1603", TOULOUSE, TODAY));
    assertThat(h.reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.BMO_DIFFICULT);
    assertThat(h.reasons().get(0).value()).isBetween(60.0, 100.0);
    assertThat(h.reasons().get(0).label()).contains("construction");
    // the same BMO chip is on every offer of the family: alone, it does not single this one out
    assertThat(h.score()).isEqualTo(1);
    assertThat(h.computed()).isFalse();
  }

  @Test
  void theScoreNeedsAFactAboutTheOfferItselfAndRanksTheWorstFirst() {
    // F1603: BMO family at 73 %, nobody in reach (2), open 90 days (1): 4
    UUID worst = f.offer("Plombier", "F1603", TOULOUSE, TODAY.minusDays(90));
    HardToFill h = signal(worst);
    assertThat(h.score()).isEqualTo(4);
    assertThat(h.computed()).isTrue();
    assertThat(h.reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(
            HardToFillReason.FEW_CANDIDATES,
            HardToFillReason.OPEN_LONG,
            HardToFillReason.BMO_DIFFICULT);
    // candidates around, tension mark and BMO: the whole occupation, not this offer (2)
    for (int i = 0; i < 5; i++) {
      f.person("Plombier" + i, "P").rome("F1603", 2).save();
    }
    s.offersModule().tension().set("F1603", true, "Chantiers de la ligne C");
    UUID recent = f.offer("Plombier chauffagiste", "F1603", TOULOUSE, TODAY);
    assertThat(signal(recent).score()).isEqualTo(2);
    assertThat(signal(recent).computed()).isFalse();
    // open more than twice the threshold is a strong fact (2): with the occupation's, flagged
    UUID stale = f.offer("Plombier", "F1603", TOULOUSE, TODAY.minusDays(121));
    assertThat(signal(stale).score()).isEqualTo(4);
    assertThat(signal(stale).computed()).isTrue();
    // a little long (1) with candidates around: not flagged
    assertThat(signal(f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(70))).computed())
        .isFalse();
    // the list ranks by score; the training view reads the same definition
    var page = s.offersModule().hardToFill().openOffers(OfferFilter.ALL);
    assertThat(page.rows().get(0).hardToFill().score()).isEqualTo(4);
    assertThat(page.rows().get(2).offer().id()).isNotIn(worst, stale);
    assertThat(s.offersModule().hardToFill().hardToFillRomeCodes()).containsExactly("F1603");
  }

  @Test
  void counselorOverrideWinsAndIsShownAsSuch() {
    UUID recent = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    s.offersModule().offers().setOverride(recent, true, "L'employeur refuse l'intérim");
    HardToFill h = signal(recent);
    assertThat(h.computed()).isFalse();
    assertThat(h.effective()).isTrue();
    assertThat(h.overridden()).isTrue();
    assertThat(h.overrideReason()).isEqualTo("L'employeur refuse l'intérim");
    // the list's first read (the covering index, then the marked offers' reasons) says it too
    assertThat(listed(recent).overrideReason()).isEqualTo("L'employeur refuse l'intérim");

    // nobody in reach at Albi (2), open 100 days (1)
    UUID old = f.offer("Préparateur", "N1103", ALBI, TODAY.minusDays(100));
    s.offersModule().offers().setOverride(old, false, "Recrutement en cours");
    // and a later read, of the changed rows only
    assertThat(listed(old).overrideReason()).isEqualTo("Recrutement en cours");
    assertThat(listed(recent).overrideReason()).isEqualTo("L'employeur refuse l'intérim");
    assertThat(signal(old).computed()).isTrue();
    assertThat(signal(old).effective()).isFalse();

    s.offersModule().offers().setOverride(old, null, null);
    assertThat(signal(old).effective()).isTrue();
    assertThatThrownBy(() -> s.offersModule().offers().setOverride(old, true, " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reason");
  }

  /** The signal of an offer as the open offers' list gives it. */
  private HardToFill listed(UUID offer) {
    return s.offersModule().hardToFill().openOffers(OfferFilter.ALL).rows().stream()
        .filter(r -> r.offer().id().equals(offer))
        .findFirst()
        .orElseThrow()
        .hardToFill();
  }

  @Test
  void listPutsHardToFillFirstAndFilters() {
    UUID fine = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    UUID oneReason = f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(70));
    UUID twoReasons = f.offer("Préparateur", "N1103", ALBI, TODAY.minusDays(65));
    UUID closed = f.offer("Préparateur", "N1103", ALBI, TODAY.minusDays(200));
    s.offersModule().offers().close(closed, TODAY);

    OfferPage page = s.offersModule().hardToFill().openOffers(OfferFilter.ALL);
    assertThat(page.rows())
        .extracting(r -> r.offer().id())
        .containsExactly(twoReasons, oneReason, fine);
    assertThat(page.matching()).isEqualTo(3);
    // 70 days with candidates around (score 1) is ranked but not flagged; nobody in reach at
    // Albi and 65 days (score 3) is
    assertThat(page.hardToFill()).isEqualTo(1);

    OfferPage hard =
        s.offersModule().hardToFill().openOffers(OfferFilter.ALL.withHardToFillOnly(true));
    assertThat(hard.rows()).extracting(r -> r.offer().id()).containsExactly(twoReasons);
    OfferPage otherRome =
        s.offersModule().hardToFill().openOffers(new OfferFilter(false, "J1501", null, null, 10));
    assertThat(otherRome.rows()).isEmpty();
  }
}
