package fr.passerelle.offers.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffersViewModelTest {
  @TempDir Path dir;
  Services s;
  OfferFixtures f;
  OffersViewModel vm;
  UUID fresh;
  UUID old;
  UUID consenting;
  UUID refusing;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    f = new OfferFixtures(s);
    for (int i = 0; i < 4; i++) {
      f.person("Cand" + i, "X").rome("N1103", 1).share(true).save();
    }
    consenting = f.person("Oui", "Anne").rome("N1103", 5).share(true).save();
    refusing = f.person("Non", "Bruno").rome("N1103", 5).share(false).criteria("RQTH").save();
    fresh = f.offer("Préparateur récent", "N1103", TOULOUSE, TODAY);
    // open 130 days (strong: 2) in an occupation the office marks in tension (1): flagged; the
    // recent one has only the tension mark (1)
    old = f.offer("Préparateur ancien", "N1103", TOULOUSE, TODAY.minusDays(130));
    s.offersModule().tension().set("N1103", true, "Plateformes logistiques");
    vm =
        new OffersViewModel(
            s.offersModule(),
            s.sourcing(),
            new SameThreadTaskRunner(),
            new Messages(Messages.FRENCH));
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void refreshPutsHardToFillFirstAndFilters() {
    vm.refresh();
    assertThat(vm.rows()).extracting(r -> r.offer().id()).containsExactly(old, fresh);
    assertThat(vm.summary().get()).contains("2 offres ouvertes, dont 1 difficiles");
    vm.hardToFillOnly().set(true);
    assertThat(vm.rows()).extracting(r -> r.offer().id()).containsExactly(old);
    assertThat(vm.loading().get()).isFalse();
  }

  @Test
  void selectingAnOfferRanksItsCandidates() {
    vm.refresh();
    vm.selected().set(vm.rows().get(1));
    assertThat(vm.matches()).hasSize(6);
    assertThat(vm.matches().get(0).candidateId()).isIn(consenting, refusing);
    assertThat(vm.poolText().get()).contains("6 candidats").contains("17 % RQTH");
    vm.boostPriority().set(true);
    assertThat(vm.matches().get(0).candidateId()).isEqualTo(refusing);
  }

  @Test
  void addingToANewListThenToASharedListSaysWhoCannotJoinAndWhy() {
    vm.refresh();
    vm.selected().set(vm.rows().get(0));
    assertThat(vm.targetList().get()).isNull();
    var chosen = vm.matches().stream().filter(m -> m.score() >= 90).toList();
    vm.addToList(chosen, null);
    assertThat(vm.addOutcome().get()).startsWith("2 candidat(s) ajouté(s)");
    assertThat(vm.lists()).hasSize(1);
    assertThat(s.sourcing().entries(vm.lists().get(0).id())).hasSize(2);

    UUID partner = f.partnerOffice("Agence d'emploi partenaire");
    UUID shared = s.sourcing().create(new NewList("Partagée", old, null, null, partner));
    vm.loadMatches();
    vm.targetList()
        .set(vm.lists().stream().filter(l -> l.id().equals(shared)).findFirst().orElseThrow());
    vm.addToList(List.copyOf(chosen), null);
    assertThat(vm.addOutcome().get())
        .contains("1 candidat(s) ajouté(s)")
        .contains("NON Bruno : n'a pas consenti au partage");
  }
}
