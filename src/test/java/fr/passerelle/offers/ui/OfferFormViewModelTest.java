package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfferFormViewModelTest {
  @TempDir Path dir;
  Services s;
  OfferFormViewModel vm;
  List<Offer> saved = new ArrayList<>();

  @BeforeEach
  void setUp() {
    s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    vm =
        new OfferFormViewModel(
            s.offersModule().offers(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
    vm.startNew();
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void emptyFormSaysWhySaveIsDisabled() {
    assertThat(vm.errors()).containsKeys("employer", "title", "romeCode", "commune");
    assertThat(vm.saveBlocked().get()).contains("Employeur : obligatoire");
    vm.save(saved::add);
    assertThat(saved).isEmpty();
  }

  @Test
  void validFormSavesAndOverrideNeedsAReason() {
    vm.employer.set("Transports Garonne");
    vm.title.set("Cariste");
    vm.romeCode.set("N1101");
    vm.communeCode.set("81004");
    vm.positions.set("abc");
    assertThat(vm.errors()).containsOnlyKeys("positions");
    vm.positions.set("2");
    vm.override.set(Boolean.TRUE);
    assertThat(vm.errors()).containsOnlyKeys("overrideReason");
    vm.overrideReason.set("Horaires de nuit");
    assertThat(vm.saveBlocked().get()).isEmpty();
    vm.save(saved::add);
    assertThat(saved).hasSize(1);
    Offer o = saved.get(0);
    assertThat(o.communeName()).isEqualTo("Albi");
    assertThat(o.hardToFillOverride()).isTrue();
    assertThat(o.overrideReason()).isEqualTo("Horaires de nuit");
    assertThat(vm.dirty().get()).isFalse();
    assertThat(vm.isNew()).isFalse();
  }

  @Test
  void referenceCodesCheckedByTheServiceComeBackNextToTheField() {
    vm.employer.set("Transports Garonne");
    vm.title.set("Cariste");
    vm.romeCode.set("N9999");
    vm.communeCode.set("99999");
    assertThat(vm.errors()).isEmpty();
    vm.save(saved::add);
    assertThat(saved).isEmpty();
    assertThat(vm.errors().get("romeCode")).isEqualTo("Métier : code ROME inconnu");
    assertThat(vm.errors().get("commune")).contains("inconnu");
  }

  @Test
  void aControlCharacterIsShownOnItsFieldAndNothingIsSaved() {
    vm.employer.set("Transports Garonne");
    vm.title.set("Cariste\u0007");
    vm.romeCode.set("N1101");
    vm.communeCode.set("81004");
    vm.description.set("Nuit\n\tet week-end\u001B[2J");
    assertThat(vm.errors())
        .containsEntry("title", "Intitulé : caractère de contrôle (U+0007) interdit")
        .containsEntry("description", "Description : caractère de contrôle (U+001B) interdit")
        .hasSize(2);
    assertThat(vm.saveBlocked().get()).contains("Intitulé : caractère de contrôle (U+0007)");
    vm.save(saved::add);
    assertThat(saved).isEmpty();
    // line breaks and tabs are fine in the description, not in the title
    vm.description.set("Nuit\n\tet week-end");
    vm.title.set("Cariste\tconfirmé");
    assertThat(vm.errors())
        .containsOnlyKeys("title")
        .containsEntry("title", "Intitulé : caractère de contrôle (U+0009) interdit");
    vm.title.set("Cariste");
    vm.save(saved::add);
    assertThat(saved).hasSize(1);
    assertThat(saved.get(0).description()).isEqualTo("Nuit\n\tet week-end");
  }
}
