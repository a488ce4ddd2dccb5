package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
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
 * The open-offers list keeps what it read while nothing changed (ADR 0204), and never gives a stale
 * answer: every change made after a first load — to an offer, the thresholds, the office's tension
 * marks, the candidates in reach, the date — is in the next answer, which is the answer of a
 * service that never read anything before.
 */
class OpenOffersFollowTest {
  private static final long DAY = 86_400_000L;

  @TempDir Path dir;
  Services s;
  OfferFixtures f;
  TestServices.ManualClock clock = new TestServices.ManualClock();
  HardToFillService hard;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, clock);
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    for (int i = 0; i < 5; i++) {
      f.person("Cand" + i, "T").rome("N1103", 1).save();
    }
    hard = s.offersModule().hardToFill();
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  /** The answer of a service with nothing kept, on the same database. */
  private OfferPage fresh(OfferFilter filter) {
    var dsl = s.db().dsl();
    return new HardToFillService(
            s.db(),
            new ReachCache(dsl, new CommuneGeo(dsl)),
            new BmoFamilies(dsl),
            s.offersModule().tension(),
            clock::today,
            s.access())
        .openOffers(filter);
  }

  /** The list as the view asks for it, checked against a service with nothing kept. */
  private OfferPage list() {
    OfferFilter all = new OfferFilter(false, null, null, null, 500);
    OfferPage page = hard.openOffers(all);
    assertThat(page).isEqualTo(fresh(all));
    OfferFilter onlyHard = new OfferFilter(true, null, null, OfferSource.FRANCE_TRAVAIL, 500);
    assertThat(hard.openOffers(onlyHard)).isEqualTo(fresh(onlyHard));
    return page;
  }

  private static List<UUID> ids(OfferPage page) {
    return page.rows().stream().map(r -> r.offer().id()).toList();
  }

  /** The form's edit of offer {@code id}: this title and commune, open. */
  private OfferDraft draft(UUID id, String title, String commune) {
    Offer o = s.offersModule().offers().find(id).orElseThrow();
    return new OfferDraft(
        id,
        o.employerName(),
        title,
        o.romeCode(),
        commune,
        o.contract(),
        o.positions(),
        o.openedOn(),
        null,
        o.source(),
        o.description());
  }

  private OfferRow row(OfferPage page, UUID id) {
    return page.rows().stream().filter(r -> r.offer().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anOfferCreatedEditedClosedReopenedOrDeletedAfterTheFirstLoadIsSeen() {
    UUID fine = f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(10));
    UUID old = f.offer("Cariste", "N1103", TOULOUSE, TODAY.minusDays(70));
    assertThat(ids(list())).containsExactly(old, fine);

    UUID added = f.offer("Magasinier", "N1103", ALBI, TODAY.minusDays(65));
    OfferPage afterNew = list();
    assertThat(ids(afterNew)).containsExactly(added, old, fine);
    assertThat(afterNew.hardToFill()).isEqualTo(1);

    // moved where nobody is in reach: the signal changes, and so does the rank
    s.offersModule().offers().save(draft(fine, "Préparateur de commandes", ALBI));
    OfferPage afterEdit = list();
    assertThat(row(afterEdit, fine).offer().title()).isEqualTo("Préparateur de commandes");
    assertThat(row(afterEdit, fine).hardToFill().reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.FEW_CANDIDATES);

    s.offersModule().offers().close(added, TODAY);
    OfferPage afterClose = list();
    assertThat(ids(afterClose)).containsExactly(fine, old); // nobody in reach outweighs 70 days
    assertThat(afterClose.hardToFill()).isZero();

    s.offersModule().offers().save(draft(added, "Magasinier", ALBI)); // reopened: no closing date
    assertThat(ids(list())).containsExactly(added, fine, old);

    s.db().dsl().transaction(cfg -> s.writer().delete(cfg.dsl(), JOB_OFFER, old));
    assertThat(ids(list())).containsExactly(added, fine);

    s.offersModule().offers().setOverride(fine, true, "Horaires de nuit");
    OfferPage afterOverride = list();
    assertThat(row(afterOverride, fine).hardToFill().effective()).isTrue();
    assertThat(afterOverride.hardToFill()).isEqualTo(2);
  }

  @Test
  void thresholdsTensionCandidatesInReachAndTheDateChangedAfterTheFirstLoadAreSeen() {
    UUID o = f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(40));
    assertThat(row(list(), o).hardToFill().reasons()).isEmpty();

    // the thresholds are this installation's settings, not replicated rows
    hard.saveSettings(new HardToFillSettings(30, 5, 60));
    assertThat(row(list(), o).hardToFill().reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.OPEN_LONG);
    hard.saveSettings(HardToFillSettings.DEFAULTS);
    assertThat(row(list(), o).hardToFill().reasons()).isEmpty();

    s.offersModule().tension().set("N1103", true, "Plateformes logistiques");
    assertThat(row(list(), o).hardToFill().reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.OCCUPATION_IN_TENSION);
    s.offersModule().tension().set("N1103", false, null);

    assertThat(row(list(), o).hardToFill().candidatesInReach()).isEqualTo(5);
    f.person("Cand5", "T").rome("N1103", 2).save();
    assertThat(row(list(), o).hardToFill().candidatesInReach()).isEqualTo(6);

    clock.advanceMillis(25 * DAY);
    OfferRow later = row(list(), o);
    assertThat(later.daysOpen()).isEqualTo(65);
    assertThat(later.hardToFill().reasons())
        .extracting(HardToFill.Reason::kind)
        .containsExactly(HardToFillReason.OPEN_LONG);
  }

  @Test
  void aReturnWithNothingChangedGivesTheSameAnswer() {
    UUID a = f.offer("Préparateur", "N1103", TOULOUSE, TODAY.minusDays(70));
    UUID b = f.offer("Cariste", "N1103", ALBI, TODAY.minusDays(65));
    OfferPage first = list();
    assertThat(ids(first)).containsExactly(b, a);
    assertThat(list()).isEqualTo(first);
    OfferFilter oneRome = new OfferFilter(false, "N1103", Contract.CDI, null, 1);
    assertThat(hard.openOffers(oneRome)).isEqualTo(fresh(oneRome));
    assertThat(hard.openOffers(oneRome).matching()).isEqualTo(2);
  }
}
