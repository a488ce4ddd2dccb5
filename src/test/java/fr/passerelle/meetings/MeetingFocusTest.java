package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingFocusTest {
  @TempDir Path dir;
  private Services services;
  private MeetingFixture fixture;
  private OfferFixtures offers;

  @BeforeEach
  void open() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    fixture = new MeetingFixture(services);
    offers = new OfferFixtures(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void theOccupationOffersItsOpenOffersNewestFirstAndTheClosedOnesNot() {
    UUID older =
        offers.offer("Cariste", "N1101", OfferFixtures.TOULOUSE, LocalDate.of(2025, 11, 3));
    UUID newer =
        offers.offer("Cariste CACES 3", "N1101", OfferFixtures.BLAGNAC, LocalDate.of(2025, 12, 1));
    UUID closed =
        offers.offer("Cariste nuit", "N1101", OfferFixtures.TOULOUSE, LocalDate.of(2025, 12, 2));
    services.offersModule().offers().close(closed, OfferFixtures.TODAY);
    offers.offer("Préparateur", "N1103", OfferFixtures.TOULOUSE, LocalDate.of(2025, 12, 3));

    MeetingFocus.Occupation n1101 = services.meetings().focus().occupation(" n1101 ").orElseThrow();

    assertThat(n1101.romeCode()).isEqualTo("N1101");
    assertThat(n1101.label()).isNotBlank();
    assertThat(n1101.openOffers()).extracting(OfferRef::id).containsExactly(newer, older);
    assertThat(n1101.openOffers().get(0).label())
        .startsWith("Cariste CACES 3")
        .contains("(Blagnac)");
    assertThat(services.meetings().focus().occupation("Z9999")).isEmpty();
  }

  @Test
  void aMeetingAboutAnOfferKeepsItAndAnUnknownOccupationOrAGoneOfferIsRefused() {
    UUID offer =
        offers.offer(
            "Préparateur de commandes", "N1103", OfferFixtures.TOULOUSE, OfferFixtures.TODAY);
    MeetingDraft d =
        fixture.draft("MRS préparateurs", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 12);
    MeetingDraft about = d.withFocus("N1103", offer);

    Meeting m = services.meetings().create(about);
    assertThat(m.offerId()).isEqualTo(offer);
    assertThat(services.meetings().focus().offer(offer))
        .get()
        .extracting(OfferRef::title)
        .isEqualTo("Préparateur de commandes");

    assertThatThrownBy(() -> services.meetings().create(d.withFocus("Z9999", null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Z9999")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).key())
                    .contains("meetings.problem.romeUnknown"));
    assertThatThrownBy(
            () -> services.meetings().update(m.id(), d.withFocus("N1103", UUID.randomUUID())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no offer");
    assertThat(services.meetings().get(m.id()).offerId()).isEqualTo(offer);
  }
}
