package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;
import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OccupationTableServiceTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void figuresAndLinkedActionsPerOccupation() {
    f.offer("Prépa 1", "N1103", TOULOUSE, TODAY.minusDays(10));
    f.offer("Prépa 2", "N1103", ALBI, TODAY.minusDays(20));
    f.offer("Prépa 3", "N1103", TOULOUSE, TODAY.minusDays(130));
    f.offer("Aide-soignant", "J1501", TOULOUSE, TODAY.minusDays(4));
    f.person("Toulousain", "A").rome("N1103", 1).save();
    f.person("Albigeois", "B").in(ALBI, 5).rome("N1103", 1).save();
    f.person("Montpelliérain", "C").in(MONTPELLIER, 10).rome("N1103", 1).save();
    s.sourcing().create(new NewList("Vivier préparateurs", null, "N1103", null, null));
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var m = cfg.dsl().newRecord(MEETING);
              m.setRomeCode("N1103");
              m.setStatus("PLANNED");
              s.writer().insert(cfg.dsl(), m);
              var cancelled = cfg.dsl().newRecord(MEETING);
              cancelled.setRomeCode("N1103");
              cancelled.setStatus("CANCELLED");
              s.writer().insert(cfg.dsl(), cancelled);
              var t = cfg.dsl().newRecord(TRAINING_PATH);
              t.setTargetRomeCode("J1501");
              t.setStatus("FUNDED");
              s.writer().insert(cfg.dsl(), t);
            });

    var rows = s.offersModule().occupationTable().rows();

    assertThat(rows).extracting(OccupationRow::romeCode).containsExactly("N1103", "J1501");
    OccupationRow n = rows.get(0);
    assertThat(n.openOffers()).isEqualTo(3);
    assertThat(n.medianDaysOpen()).isEqualTo(20);
    assertThat(n.candidatesInReach()).isEqualTo(2);
    // one or two candidates in reach (1) flag none alone; with 130 days open (2), Prépa 3 is
    assertThat(n.hardToFillOffers()).isEqualTo(1);
    assertThat(n.meetings()).isEqualTo(1);
    assertThat(n.sourcingLists()).isEqualTo(1);
    assertThat(n.trainingPaths()).isZero();
    assertThat(rows.get(1).trainingPaths()).isEqualTo(1);
  }

  @Test
  void medianOfEvenCount() {
    assertThat(OccupationTableService.median(new long[] {4, 1, 10, 3})).isEqualTo(3.5);
    assertThat(OccupationTableService.median(new long[] {})).isZero();
  }
}
