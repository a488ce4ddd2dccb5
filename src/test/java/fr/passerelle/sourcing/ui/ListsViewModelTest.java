package fr.passerelle.sourcing.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.PipelineStatus;
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

class ListsViewModelTest {
  @TempDir Path dir;
  Services s;
  ListsViewModel vm;
  UUID list;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures f = new OfferFixtures(s);
    UUID offer = f.offer("Préparateur", "N1103", TOULOUSE, TODAY);
    list = s.sourcing().create(new NewList("Prépa Toulouse", offer, null, null, null));
    UUID a = f.person("Martin", "Léa").rome("N1103", 1).criteria("RQTH").save();
    UUID b = f.person("Durand", "Paul").rome("N1103", 1).save();
    s.sourcing().add(list, List.of(a, b), null);
    vm =
        new ListsViewModel(
            s.sourcing(),
            s.candidateSearch(),
            new SameThreadTaskRunner(),
            new Messages(Messages.FRENCH));
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void listsWithSharesAndEntriesOfTheSelected() {
    vm.refresh();
    assertThat(vm.lists()).hasSize(1);
    assertThat(vm.sharesText(vm.lists().get(0).shares()))
        .isEqualTo(
            "Liste : 50 % publics prioritaires, 50 % RQTH — vivier du métier : 50 %, 50 % (sur 2)");
    vm.selected().set(vm.lists().get(0));
    assertThat(vm.entries()).extracting(e -> e.lastName()).containsExactly("Durand", "Martin");
  }

  @Test
  void forwardAndBackMoveThroughThePipeline() {
    vm.refresh();
    vm.selected().set(vm.lists().get(0));
    var e = vm.entries().get(0);
    vm.forward(e);
    vm.forward(vm.entries().stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow());
    var moved = vm.entries().stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow();
    assertThat(moved.status()).isEqualTo(PipelineStatus.INTERESTED);
    assertThat(vm.focusEntry.get()).isEqualTo(e.id());
    vm.back(moved);
    var back = vm.entries().stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow();
    assertThat(back.status()).isEqualTo(PipelineStatus.CONTACTED);
    assertThat(back.history()).hasSize(4);
    assertThat(vm.message().get()).isEqualTo("DURAND Paul : Contacté");
    assertThat(vm.lists().get(0).pipeline()).containsEntry(PipelineStatus.CONTACTED, 1);
  }

  @Test
  void theOccupationsCandidatesAreTheFirstFiftyNotListedSaidAsSuch() {
    OfferFixtures f = new OfferFixtures(s);
    for (int i = 0; i < ListAdding.OCCUPATION_PICKS + 3; i++) {
      f.person("Nom" + (char) ('a' + i / 26) + (char) ('a' + i % 26), "Prénom")
          .rome("N1103", 1)
          .save();
    }
    vm.refresh();
    vm.selected().set(vm.lists().get(0));
    int[] shown = {0};
    vm.adding().ofOccupation(() -> shown[0]++);
    assertThat(vm.adding().hits).hasSize(ListAdding.OCCUPATION_PICKS);
    assertThat(vm.adding().hits)
        .as("Martin and Durand are on the list already")
        .noneMatch(h -> h.lastName().equals("Martin") || h.lastName().equals("Durand"));
    assertThat(vm.adding().note.get())
        .startsWith("Les 50 premiers candidats du métier N1103")
        .contains("il y en a d'autres");
    assertThat(shown[0]).isEqualTo(1);
  }

  @Test
  void aRefusalIsSaidInFrench() {
    OfferFixtures f = new OfferFixtures(s);
    UUID partner = f.partnerOffice("Intérim Sud");
    UUID shared = s.sourcing().create(new NewList("Partagée", null, "N1103", null, partner));
    UUID noConsent = f.person("Roux", "Anna").rome("N1103", 1).share(false).save();
    vm.refresh();
    vm.selected()
        .set(vm.lists().stream().filter(l -> l.id().equals(shared)).findFirst().orElseThrow());
    vm.adding().search("roux");
    assertThat(vm.adding().hits).extracting(h -> h.id()).containsExactly(noConsent);
    assertThat(vm.adding().add(vm.adding().hits.get(0))).isTrue();
    assertThat(vm.adding().note.get())
        .isEqualTo(
            "ROUX Anna n'est pas ajouté(e) : n'a pas consenti au partage avec les agences"
                + " partenaires : la liste est partagée.");
    assertThat(s.sourcing().entries(shared)).isEmpty();
  }
}
