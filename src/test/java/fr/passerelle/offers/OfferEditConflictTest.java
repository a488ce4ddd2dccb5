package fr.passerelle.offers;

import static fr.passerelle.testsupport.OfferFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TwoWorkstations;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two counselors edit the same offer (ADR 0181): A and B open it, B renames it, A saves its number
 * of positions — A is refused with B's name and time and B's title stays; A's close and override of
 * the offer as first read are refused too; after reading it again A's save goes through.
 */
class OfferEditConflictTest {
  @TempDir Path dir;
  private TwoWorkstations desks;

  @BeforeEach
  void open() {
    desks = new TwoWorkstations(dir.resolve("office"));
  }

  @AfterEach
  void close() {
    desks.close();
  }

  private static OfferService offers(fr.passerelle.app.Services s) {
    return s.offersModule().offers();
  }

  private static OfferDraft draft(Offer o, String title, int positions) {
    return OfferFixtures.edited(o, title, positions);
  }

  private Offer created() {
    return offers(desks.a()).save(OfferFixtures.baker());
  }

  @Test
  void anOfferSavedByAColleagueMeanwhileRefusesTheOlderFormThenTakesTheReloadedOne() {
    Offer created = created();
    Offer seenByA = offers(desks.a()).find(created.id()).orElseThrow();
    Offer seenByB = offers(desks.b()).find(created.id()).orElseThrow();
    Instant hers = desks.minuteLater();
    offers(desks.b()).save(draft(seenByB, "Boulanger de nuit", 2), seenByB.version());

    OfferService a = offers(desks.a());
    assertThatThrownBy(() -> a.save(draft(seenByA, "Boulanger", 3), seenByA.version()))
        .isInstanceOfSatisfying(
            EditConflictException.class,
            e -> {
              assertThat(e.who()).contains(Colleague.ACTOR);
              assertThat(e.when()).isEqualTo(hers);
            });
    assertThatThrownBy(() -> a.close(seenByA.id(), seenByA.version(), TODAY.plusDays(3)))
        .isInstanceOf(EditConflictException.class);
    assertThatThrownBy(
            () -> a.setOverride(seenByA.id(), seenByA.version(), true, "Horaires de nuit"))
        .isInstanceOf(EditConflictException.class);
    Offer stored = a.find(created.id()).orElseThrow();
    assertThat(stored.title()).isEqualTo("Boulanger de nuit");
    assertThat(stored.positions()).isEqualTo(2);
    assertThat(stored.closedOn()).isNull();
    assertThat(stored.hardToFillOverride()).isNull();

    Offer saved = a.save(draft(stored, stored.title(), 3), stored.version());
    assertThat(saved.title()).isEqualTo("Boulanger de nuit");
    assertThat(saved.positions()).isEqualTo(3);
    a.close(saved.id(), saved.version(), TODAY.plusDays(3));
    assertThat(a.find(created.id()).orElseThrow().closedOn()).isEqualTo(TODAY.plusDays(3));
  }

  @Test
  void anUnchangedSaveWritesNoVersionSoItRefusesNobody() {
    Offer created = created();
    Offer seenByB = offers(desks.b()).find(created.id()).orElseThrow();
    Offer same = offers(desks.a()).save(draft(created, created.title(), 2), created.version());
    assertThat(same.version()).isEqualTo(created.version());

    Offer hers = offers(desks.b()).save(draft(seenByB, seenByB.title(), 5), seenByB.version());
    assertThat(hers.positions()).isEqualTo(5);
  }
}
