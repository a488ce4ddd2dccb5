package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferService;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TwoWorkstations;
import fr.passerelle.ui.FormConflict;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offer form when its save is refused over a colleague's newer edit (ADR 0181), without FX: the
 * form keeps what was typed and says who and when; Recharger shows the stored offer; Comparer lists
 * the fields that differ and saves again on the colleague's version; Annuler keeps the form.
 */
class OfferConflictViewModelTest {
  @TempDir Path dir;
  private final Messages msg = new Messages(Messages.FRENCH);
  private TwoWorkstations desks;
  private OfferFormViewModel form;
  private Offer created;

  @BeforeEach
  void open() {
    desks = new TwoWorkstations(dir.resolve("office"));
    OfferService a = desks.a().offersModule().offers();
    created = a.save(OfferFixtures.baker());
    form = new OfferFormViewModel(a, new SameThreadTaskRunner(), msg);
    form.edit(a.find(created.id()).orElseThrow());
    // meanwhile Hélène Dupont, on her workstation, renames the offer
    OfferService b = desks.b().offersModule().offers();
    Offer hers = b.find(created.id()).orElseThrow();
    desks.minuteLater();
    b.save(OfferFixtures.edited(hers, "Boulanger de nuit", 2), hers.version());
    desks.a();
    // and this counselor raises the number of positions, then saves
    form.positions.set("4");
    form.save(o -> {});
  }

  @AfterEach
  void close() {
    desks.close();
  }

  @Test
  void theRefusedSaveKeepsWhatWasTypedAndNamesTheColleague() {
    FormConflict<Offer> c = form.conflict().get();
    assertThat(c).isNotNull();
    assertThat(c.text()).startsWith("Modifié par " + Colleague.ACTOR);
    assertThat(form.status().get()).isEqualTo(c.text());
    assertThat(form.positions.get()).isEqualTo("4");
    assertThat(form.dirty().get()).isTrue();
    assertThat(form.differences(c))
        .containsExactly(
            new FormConflict.Difference("offers.form.title", "Boulanger", "Boulanger de nuit"),
            new FormConflict.Difference("offers.form.positions", "4", "2"));
  }

  @Test
  void annulerKeepsTheFormAndASecondSaveIsRefusedAgain() {
    form.keepEditing();
    assertThat(form.conflict().get()).isNull();
    form.save(o -> {});
    assertThat(form.conflict().get()).isNotNull();
    assertThat(form.positions.get()).isEqualTo("4");
  }

  @Test
  void rechargerShowsTheColleaguesOffer() {
    form.reloadTheirs();
    assertThat(form.title.get()).isEqualTo("Boulanger de nuit");
    assertThat(form.positions.get()).isEqualTo("2");
    assertThat(form.dirty().get()).isFalse();
  }

  @Test
  void comparerTakesTheirTitleKeepsMyPositionsAndSavesOnTheirVersion() {
    form.saveOnTheirs(Set.of("offers.form.title"));
    assertThat(form.title.get()).isEqualTo("Boulanger de nuit");
    assertThat(form.positions.get()).isEqualTo("4");
    Offer[] saved = new Offer[1];
    form.save(o -> saved[0] = o);
    assertThat(form.conflict().get()).isNull();
    assertThat(saved[0].title()).isEqualTo("Boulanger de nuit");
    assertThat(saved[0].positions()).isEqualTo(4);
  }
}
