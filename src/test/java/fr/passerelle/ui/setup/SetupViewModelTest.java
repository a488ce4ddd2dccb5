package fr.passerelle.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.CancelledException;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupViewModelTest {
  @TempDir Path dir;
  Services services;
  UiContext ctx;

  @BeforeEach
  void open() {
    services = TestServices.open(dir);
    ctx = new UiContext(services, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
  }

  @AfterEach
  void close() {
    services.close();
  }

  private SetupViewModel vm(SetupViewModel.DemoGenerator demo) {
    return new SetupViewModel(ctx, demo);
  }

  @Test
  void organisationFollowsTheDefaultRuleUntilEdited() {
    SetupViewModel vm = vm(SetupViewModel.DemoGenerator.DEFAULT);
    assertThat(vm.organisationProperty().get()).isEqualTo("France Travail");
    vm.nameProperty().set("Adecco Toulouse Compans");
    assertThat(vm.organisationProperty().get()).isEqualTo("France Travail");
    vm.kindProperty().set(OfficeKind.TEMP_AGENCY);
    assertThat(vm.organisationProperty().get()).isEqualTo("Adecco Toulouse Compans");
    vm.organisationProperty().set("Adecco");
    vm.nameProperty().set("Adecco Albi");
    vm.kindProperty().set(OfficeKind.PARTNER);
    assertThat(vm.organisationProperty().get()).as("edited by hand: kept").isEqualTo("Adecco");
  }

  @Test
  void requiredFieldsSayWhyTheFormCannotBeSaved() {
    SetupViewModel vm = vm(SetupViewModel.DemoGenerator.DEFAULT);
    assertThat(vm.validProperty().get()).isFalse();
    assertThat(vm.nameErrorProperty().get()).isEqualTo("Obligatoire.");
    vm.nameProperty().set("   ");
    assertThat(vm.nameErrorProperty().get()).isEqualTo("Obligatoire.");
    vm.nameProperty().set("x".repeat(256));
    assertThat(vm.nameErrorProperty().get()).isEqualTo("255 caractères au plus.");
    vm.nameProperty().set("Agence Albi");
    assertThat(vm.validProperty().get()).isTrue();
    vm.organisationProperty().set("");
    assertThat(vm.organisationErrorProperty().get()).isEqualTo("Obligatoire.");
    assertThat(vm.validProperty().get()).isFalse();
  }

  @Test
  void saveCreatesTheOfficeOnce() {
    SetupViewModel vm = vm(SetupViewModel.DemoGenerator.DEFAULT);
    vm.nameProperty().set("  Agence intérim Albi ");
    vm.kindProperty().set(OfficeKind.TEMP_AGENCY);
    AtomicReference<Office> saved = new AtomicReference<>();
    vm.save(saved::set);
    assertThat(saved.get().name()).isEqualTo("Agence intérim Albi");
    assertThat(saved.get().organisation()).isEqualTo("Agence intérim Albi");
    assertThat(services.offices().current()).contains(saved.get());
    assertThat(vm.busyProperty().get()).isFalse();

    SetupViewModel again = vm(SetupViewModel.DemoGenerator.DEFAULT);
    again.nameProperty().set("Autre");
    AtomicReference<Office> second = new AtomicReference<>();
    again.save(second::set);
    assertThat(second.get()).isNull();
    assertThat(again.errorProperty().get()).contains("already set up");
    assertThat(services.offices().all()).hasSize(1);
  }

  @Test
  void saveDoesNothingWhileInvalid() {
    SetupViewModel vm = vm(SetupViewModel.DemoGenerator.DEFAULT);
    AtomicReference<Office> saved = new AtomicReference<>();
    vm.save(saved::set);
    assertThat(saved.get()).isNull();
    assertThat(services.offices().current()).isEmpty();
  }

  @Test
  void demoNotYetAvailableIsANoticeNotACrash() {
    List<String> notices = new ArrayList<>();
    AtomicInteger changed = new AtomicInteger();
    vm((s, p) -> {
          throw new UnsupportedOperationException("demo data: not yet implemented");
        })
        .startDemo(notices::add, changed::incrementAndGet);
    assertThat(notices).singleElement().asString().contains("pas encore disponibles");
    assertThat(changed).hasValue(0);
  }

  @Test
  void demoReportsRowsAddedAndRefreshes() {
    List<String> notices = new ArrayList<>();
    AtomicInteger changed = new AtomicInteger();
    vm((s, p) -> new DemoService.Report(Map.of("candidate", 2000, "job_offer", 400), 10))
        .startDemo(notices::add, changed::incrementAndGet);
    assertThat(notices)
        .containsExactly(
            "Données de démonstration prêtes : "
                + java.text.NumberFormat.getIntegerInstance(Messages.FRENCH).format(2400)
                + " lignes ajoutées.");
    assertThat(changed).hasValue(1);
  }

  @Test
  void demoCancelledOrFailedIsSaidInWords() {
    List<String> notices = new ArrayList<>();
    vm((s, p) -> {
          throw new CancelledException();
        })
        .startDemo(notices::add, () -> {});
    vm((s, p) -> {
          throw new IllegalStateException("disque plein");
        })
        .startDemo(notices::add, () -> {});
    assertThat(notices)
        .containsExactly(
            "Données de démonstration annulées : rien n'a été ajouté.",
            "Les données de démonstration n'ont pas pu être créées : disque plein");
  }
}
