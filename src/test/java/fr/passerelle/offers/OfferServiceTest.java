package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfferServiceTest {
  @TempDir Path dir;
  Services s;
  OfferService offers;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    offers = s.offersModule().offers();
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private static OfferDraft draft() {
    return fr.passerelle.testsupport.OfferFixtures.baker();
  }

  @Test
  void createsWithEmployerAndResolvedLabels() {
    Offer o = offers.save(draft());
    assertThat(o.employerName()).isEqualTo("Boulangerie Occitane");
    assertThat(o.communeName()).isEqualTo("Toulouse");
    assertThat(o.romeLabel()).isNotBlank();
    assertThat(o.positions()).isEqualTo(2);
    assertThat(o.isOpen()).isTrue();
    // the same employer typed differently is reused
    offers.save(
        new OfferDraft(
            null,
            "boulangerie occitane",
            "Vendeur",
            "D1106",
            BLAGNAC,
            Contract.CDI,
            1,
            TODAY,
            null,
            OfferSource.FRANCE_TRAVAIL,
            null));
    assertThat(s.db().dsl().fetchCount(EMPLOYER)).isEqualTo(1);
  }

  @Test
  void editsInPlace() {
    Offer o = offers.save(draft());
    Offer edited =
        offers.save(
            new OfferDraft(
                o.id(),
                "Boulangerie Occitane",
                "Boulanger de nuit",
                "D1102",
                ALBI,
                Contract.CDI,
                1,
                TODAY,
                null,
                OfferSource.TEMP_AGENCY,
                null));
    assertThat(edited.id()).isEqualTo(o.id());
    assertThat(edited.title()).isEqualTo("Boulanger de nuit");
    assertThat(edited.communeName()).isEqualTo("Albi");
    assertThat(s.db().dsl().fetchCount(JOB_OFFER)).isEqualTo(1);
  }

  @Test
  void validationNamesEachField() {
    var bad =
        new OfferDraft(
            null, " ", "", "Z9999", "99999", null, 0, TODAY, TODAY.minusDays(1), null, null);
    assertThat(offers.validate(bad))
        .extracting(OfferFieldError::code)
        .containsExactlyInAnyOrder(
            "employerRequired",
            "titleRequired",
            "romeUnknown",
            "communeUnknown",
            "contractRequired",
            "sourceRequired",
            "positionsRange",
            "closedBeforeOpened");
    assertThatThrownBy(() -> offers.save(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("occupation: unknown ROME code Z9999");
    assertThat(s.db().dsl().fetchCount(JOB_OFFER)).isZero();
    assertThat(s.db().dsl().fetchCount(EMPLOYER)).isZero();
  }

  @Test
  void closeRefusesADateBeforeOpening() {
    Offer o = offers.save(draft());
    assertThatThrownBy(() -> offers.close(o.id(), TODAY.minusDays(1)))
        .isInstanceOf(InvalidInputException.class);
    offers.close(o.id(), TODAY);
    assertThat(offers.find(o.id()).orElseThrow().isOpen()).isFalse();
  }

  @Test
  void employerCompletion() {
    offers.save(draft());
    assertThat(offers.employerNames("boul", 10)).containsExactly("Boulangerie Occitane");
    assertThat(offers.employerNames("x", 10)).isEmpty();
  }
}
