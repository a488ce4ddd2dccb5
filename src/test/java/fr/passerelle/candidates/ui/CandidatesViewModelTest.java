package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidatesViewModelTest {
  @TempDir Path dir;
  Services services;
  CandidateService service;
  CandidateSearch search;
  Messages msg = new Messages(Messages.FRENCH);
  SameThreadTaskRunner tasks = new SameThreadTaskRunner();

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    service = services.candidates();
    search = services.candidateSearch();
  }

  @AfterEach
  void close() {
    services.close();
  }

  static CandidateDetail person(String last, String first, String commune) {
    CandidateDetail b = CandidateDetail.blank();
    return new CandidateDetail(
        null,
        null,
        last,
        first,
        LocalDate.of(1990, 1, 1),
        null,
        null,
        null,
        commune,
        null,
        0,
        false,
        null,
        CandidateStatus.ACTIVE,
        null,
        null,
        List.of(new CandidateDetail.TargetOccupation("N1103", null, 1)),
        List.of(),
        b.consent());
  }

  @Test
  void searchesAsYouTypeShowsRecentWhenEmptyAndPagesThroughResults() {
    CandidateDetail h = service.save(person("Lefèvre", "Hélène", "31555"), null);
    for (int i = 0; i < 60; i++) {
      service.save(person("Martin" + (char) ('a' + i % 26), "N" + i, "31555"), null);
    }
    CandidatesViewModel vm = new CandidatesViewModel(search, tasks, msg);
    vm.search();
    assertThat(vm.showingRecent().get()).isTrue();
    assertThat(vm.rows()).isEmpty();

    vm.text().set("lefevre");
    vm.search();
    assertThat(vm.names()).containsExactly("LEFÈVRE Hélène");
    assertThat(vm.summary().get()).isEqualTo("1 candidat(s)");

    vm.text().set("martin");
    vm.search();
    assertThat(vm.rows()).hasSize(CandidateSearch.PAGE_SIZE);
    assertThat(vm.total().get()).isEqualTo(60);
    vm.loadMore();
    assertThat(vm.rows()).hasSize(60);
    vm.loadMore();
    assertThat(vm.rows()).hasSize(60);

    vm.text().set("");
    vm.romeCode().set("N1103");
    vm.criteria().add(PriorityCriterion.RQTH);
    vm.search();
    assertThat(vm.rows()).isEmpty();
    vm.clearFilters();
    service.markOpened(h.id());
    vm.search();
    assertThat(vm.showingRecent().get()).isTrue();
    assertThat(vm.names()).containsExactly("LEFÈVRE Hélène");
  }

  @Test
  void detailEditsSavesCancelsAndReportsFieldErrors() {
    CandidateDetail h = service.save(person("Lefèvre", "Hélène", "31555"), null);
    CandidateDetailViewModel vm = new CandidateDetailViewModel(service, tasks, msg);
    vm.open(h.id(), () -> {});
    assertThat(vm.lastName().get()).isEqualTo("Lefèvre");
    assertThat(vm.dirty().get()).isFalse();

    vm.firstName().set("Hélèna");
    assertThat(vm.dirty().get()).isTrue();
    vm.cancel();
    assertThat(vm.firstName().get()).isEqualTo("Hélène");
    assertThat(vm.dirty().get()).isFalse();

    vm.mobilityKm().set("-4");
    vm.email().set("pas-un-mail");
    vm.save(false, d -> {});
    assertThat(vm.fieldErrors()).containsKeys("mobility_km", "email");
    assertThat(vm.fieldErrors().get("mobility_km")).isEqualTo("Ne peut pas être négatif");
    assertThat(service.find(h.id()).orElseThrow().mobilityKm()).isZero();

    vm.mobilityKm().set("30");
    vm.email().set("helene@example.fr");
    // health data: shown (audited) before it is edited
    vm.showSensitive();
    assertThat(vm.sensitiveShown().get()).isTrue();
    vm.criteria().stream()
        .filter(r -> r.kind() == PriorityCriterion.RQTH)
        .findFirst()
        .orElseThrow()
        .held()
        .set(true);
    vm.consentShare().set(true);
    AtomicReference<CandidateDetail> saved = new AtomicReference<>();
    vm.save(false, saved::set);
    assertThat(saved.get()).isNotNull();
    assertThat(vm.dirty().get()).isFalse();
    CandidateDetail stored = service.find(h.id()).orElseThrow();
    assertThat(stored.mobilityKm()).isEqualTo(30);
    assertThat(stored.criteria()).as("masked in the file as opened").isEmpty();
    assertThat(service.showSensitive(h.id()))
        .extracting(CandidateDetail.Criterion::kind)
        .containsExactly(PriorityCriterion.RQTH);
    assertThat(stored.consent().share()).isTrue();

    vm.consentShare().set(false);
    assertThat(vm.withdrawsConsent()).isTrue();
  }

  @Test
  void aNewCandidateThatLooksLikeAnExistingOneIsNotSavedSilently() {
    service.save(person("Lefèvre", "Hélène", "31555"), null);
    CandidateDetailViewModel vm = new CandidateDetailViewModel(service, tasks, msg);
    vm.newCandidate();
    vm.lastName().set("LEFEVRE");
    vm.firstName().set("helene");
    vm.birthDate().set(LocalDate.of(1990, 1, 1));
    AtomicReference<Object> dups = new AtomicReference<>();
    vm.save(false, d -> {}, dups::set);
    assertThat(dups.get()).isNotNull();
    assertThat(vm.duplicates()).hasSize(1);
    assertThat(search.count(CandidateQuery.all())).isEqualTo(1);
    java.util.UUID existing = vm.duplicates().get(0).existing().id();
    AtomicReference<CandidateDetail> saved = new AtomicReference<>();
    vm.save(true, saved::set);
    assertThat(search.count(CandidateQuery.all())).isEqualTo(2);
    vm.merge(existing, saved.get().id(), d -> {});
    assertThat(search.count(CandidateQuery.all())).isEqualTo(1);
    assertThat(vm.loaded().get().id()).isEqualTo(existing);
  }

  /**
   * Issue 22: a control character pasted into the form (BEL in a name, ESC in the notes) is refused
   * next to its field, nothing saved; one in an imported file is removed and said in the window.
   */
  @Test
  void controlCharactersAreRefusedInTheFormAndReportedAfterAnImport() throws Exception {
    CandidateDetailViewModel vm = new CandidateDetailViewModel(service, tasks, msg);
    vm.newCandidate();
    vm.lastName().set("Mar\u0007tin");
    vm.firstName().set("Paul");
    vm.notes().set("note\u001B[31m rouge\nsur deux lignes");
    vm.save(true, d -> {});
    assertThat(vm.fieldErrors())
        .containsEntry("last_name", "Contient un caractère de contrôle invisible (à retirer)")
        .containsEntry("notes", "Contient un caractère de contrôle invisible (à retirer)")
        .doesNotContainKey("first_name");
    assertThat(search.count(CandidateQuery.all())).isZero();
    vm.lastName().set("Martin");
    vm.notes().set("note rouge\nsur deux lignes");
    vm.save(true, d -> {});
    assertThat(vm.fieldErrors()).isEmpty();
    assertThat(search.count(CandidateQuery.all())).isEqualTo(1);

    Path f = dir.resolve("ctrl.csv");
    Files.writeString(
        f, "last_name;first_name\r\nDu\u0000rand;L\u001Ba\r\n", StandardCharsets.UTF_8);
    CandidateFilesViewModel files = new CandidateFilesViewModel(service, tasks, msg, Runnable::run);
    files.importFile(f, ImportMode.ALL_OR_NOTHING, () -> {});
    assertThat(files.report().get().applied()).isTrue();
    assertThat(files.status().get())
        .contains("1 créé(s)")
        .contains("2 valeur(s) corrigée(s) à l’import (voir le rapport)");
    assertThat(files.report().get().corrections())
        .extracting(c -> c.line() + ":" + c.field() + ":" + c.to())
        .containsExactly("2:last_name:Durand", "2:first_name:La");
  }

  @Test
  void importsInTheBackgroundAndKeepsTheReport() throws Exception {
    Path f = dir.resolve("c.csv");
    Files.writeString(
        f,
        "\uFEFFlast_name;first_name;commune\r\nLefèvre;Hélène;31555\r\nDurand;Léa;Atlantis\r\n",
        StandardCharsets.UTF_8);
    CandidateFilesViewModel vm = new CandidateFilesViewModel(service, tasks, msg, Runnable::run);
    vm.importFile(f, ImportMode.ALL_OR_NOTHING, () -> {});
    assertThat(vm.report().get().applied()).isFalse();
    assertThat(vm.report().get().errors())
        .extracting(e -> e.line() + ":" + e.field())
        .containsExactly("3:commune");
    assertThat(vm.status().get()).contains("La base n'a pas été modifiée");
    assertThat(search.count(CandidateQuery.all())).isZero();
    vm.importFile(f, ImportMode.VALID_ROWS_ONLY, () -> {});
    assertThat(vm.report().get().created()).isEqualTo(1);
    assertThat(vm.running().get()).isFalse();
    Path out = dir.resolve("out.xlsx");
    AtomicReference<Long> n = new AtomicReference<>();
    vm.exportFile(out, CandidateQuery.all(), n::set);
    assertThat(n.get()).isEqualTo(1);
    assertThat(Files.size(out)).isPositive();
  }

  /**
   * #19: an ambiguous commune showed "Derniers candidats ouverts" (the filter was simply unset).
   */
  @Test
  void aCommuneNotChosenYetEmptiesTheListAndSaysWhy() {
    CandidateDetail h = service.save(person("Lefèvre", "Hélène", "31555"), null);
    CandidatesViewModel vm = new CandidatesViewModel(search, tasks, msg);
    vm.search();
    assertThat(vm.emptyText().get()).startsWith("Tapez un nom");

    vm.communeText("Saint-Denis");
    vm.search();
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.showingRecent().get()).isFalse();
    assertThat(vm.summary().get()).isEmpty();
    assertThat(vm.emptyText().get())
        .matches("\\d+ communes portent ce nom : .*Saint-Denis.*code INSEE\\.");

    vm.communeText("Nullepart");
    vm.search();
    assertThat(vm.emptyText().get()).startsWith("Aucune commune ne s'appelle « Nullepart »");

    vm.communeText("toulouse");
    vm.search();
    assertThat(vm.query().communeCode()).isEqualTo("31555");
    assertThat(vm.rows()).extracting(r -> r.lastName()).containsExactly("Lefèvre");
  }
}
