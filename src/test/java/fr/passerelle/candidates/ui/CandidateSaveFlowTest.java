package fr.passerelle.candidates.ui;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.candidates.ui.CandidateSaveFlow.DuplicateAnswer;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.ScriptedDialogs;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.DialogService.Unsaved;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate's save → consent withdrawal → duplicates → merge workflow and the erasure, driven
 * through a scripted dialog service: no window, a real database (issue 12, ADR 0189). Each
 * question's default (what Enter answers) keeps what was typed and writes nothing.
 */
class CandidateSaveFlowTest {
  @TempDir Path dir;
  Services services;
  CandidateService service;
  CandidateSearch search;
  final Messages msg = new Messages(Messages.FRENCH);
  final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
  final ScriptedDialogs dialogs = new ScriptedDialogs();
  final AtomicInteger refreshed = new AtomicInteger();
  final AtomicInteger thenRan = new AtomicInteger();
  CandidateDetail helene;
  CandidateDetailViewModel detail;
  CandidateSaveFlow flow;

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    service = services.candidates();
    search = services.candidateSearch();
    helene = service.save(CandidateFixtures.person("Lefèvre", "Hélène", "31555"), null);
    detail = new CandidateDetailViewModel(service, tasks, msg);
    PersonRightsViewModel rights = new PersonRightsViewModel(services.personRights(), tasks, msg);
    flow = new CandidateSaveFlow(detail, rights, refreshed::incrementAndGet, dialogs, msg);
  }

  @AfterEach
  void close() {
    services.close();
  }

  /** A new file typed as the existing Hélène Lefèvre's. */
  private void typeALookalike() {
    detail.newCandidate();
    detail.lastName().set("LEFEVRE");
    detail.firstName().set("Helene");
    detail.birthDate().set(LocalDate.of(1990, 3, 14));
    detail.communeCode().set("31555");
  }

  private long candidates() {
    return search.count(CandidateQuery.all());
  }

  @Test
  void aLookalikeIsAskedAboutAndTheDefaultAnswerSavesNothingAndKeepsTheEdits() {
    typeALookalike();
    flow.save(thenRan::incrementAndGet);

    assertThat(dialogs.kinds()).containsExactly("choose:duplicates-dialog");
    ScriptedDialogs.Asked asked = dialogs.asked().get(0);
    assertThat(asked.text()).contains("LEFÈVRE Hélène");
    assertThat(asked.answers())
        .containsExactly(
            "Ouvrir la fiche existante", "Fusionner avec elle", "Créer quand même", "Annuler");
    assertThat(candidates()).as("nothing saved").isEqualTo(1);
    assertThat(detail.dirty().get()).as("the edits are kept").isTrue();
    assertThat(detail.lastName().get()).isEqualTo("LEFEVRE");
    assertThat(thenRan).hasValue(0);
  }

  @Test
  void createAnywaySavesASecondFileThenGoesOn() {
    typeALookalike();
    dialogs.answer(DuplicateAnswer.CREATE);
    flow.save(thenRan::incrementAndGet);

    assertThat(candidates()).isEqualTo(2);
    assertThat(detail.dirty().get()).isFalse();
    assertThat(thenRan).hasValue(1);
    assertThat(refreshed.get()).as("the list follows").isPositive();
  }

  @Test
  void openingTheExistingFileDropsTheLookalike() {
    typeALookalike();
    dialogs.answer(DuplicateAnswer.OPEN_EXISTING);
    flow.save(thenRan::incrementAndGet);

    assertThat(candidates()).isEqualTo(1);
    assertThat(detail.loaded().get().id()).isEqualTo(helene.id());
    assertThat(detail.dirty().get()).isFalse();
  }

  @Test
  void mergeAsksOnceMoreAndItsDefaultMergesNothing() {
    typeALookalike();
    dialogs.answer(DuplicateAnswer.MERGE); // then Enter on "Fusionner ?": the safe answer
    flow.save(thenRan::incrementAndGet);

    assertThat(dialogs.kinds()).containsExactly("choose:duplicates-dialog", "confirmDestructive");
    ScriptedDialogs.Asked merge = dialogs.asked().get(1);
    assertThat(merge.answers()).containsExactly("Fusionner avec elle");
    assertThat(merge.text()).contains("LEFÈVRE Hélène", "LEFEVRE Helene");
    assertThat(candidates()).as("nothing saved nor merged").isEqualTo(1);
    assertThat(detail.dirty().get()).as("the edits are kept").isTrue();
    assertThat(detail.loaded().get().id()).isNull();
  }

  @Test
  void aConfirmedMergeLeavesOneFileShownInTheForm() {
    typeALookalike();
    dialogs.answer(DuplicateAnswer.MERGE).answer(true);
    flow.save(thenRan::incrementAndGet);

    assertThat(dialogs.allAnswered()).isTrue();
    assertThat(candidates()).as("merged into the existing file").isEqualTo(1);
    assertThat(detail.loaded().get().id()).isEqualTo(helene.id());
    assertThat(detail.dirty().get()).isFalse();
    assertThat(refreshed.get()).isPositive();
  }

  @Test
  void withdrawingTheConsentIsConfirmedFirstAndItsDefaultKeepsTheConsent() {
    detail.open(helene.id(), () -> {});
    detail.consentShare().set(true);
    flow.save(); // granting asks nothing
    assertThat(dialogs.kinds()).isEmpty();
    assertThat(service.find(helene.id()).orElseThrow().consent().share()).isTrue();

    detail.consentShare().set(false);
    flow.save(thenRan::incrementAndGet);
    assertThat(dialogs.kinds()).containsExactly("confirmDestructive");
    assertThat(dialogs.asked().get(0).header())
        .isEqualTo("Retirer le consentement de Lefèvre Hélène ?");
    assertThat(dialogs.asked().get(0).answers()).containsExactly("Retirer le consentement");
    assertThat(service.find(helene.id()).orElseThrow().consent().share())
        .as("Enter kept the consent")
        .isTrue();
    assertThat(detail.dirty().get()).as("the unticked box stays").isTrue();
    assertThat(thenRan).hasValue(0);

    dialogs.answer(true);
    flow.save(thenRan::incrementAndGet);
    assertThat(service.find(helene.id()).orElseThrow().consent().share()).isFalse();
    assertThat(thenRan).hasValue(1);
  }

  @Test
  void leavingAnEditedFileAsksAndCancelStaysDiscardGoesOn() {
    detail.open(helene.id(), () -> {});
    detail.firstName().set("Héléna");
    flow.guard(thenRan::incrementAndGet);
    assertThat(dialogs.asked())
        .extracting(ScriptedDialogs.Asked::header)
        .containsExactly("La fiche de LEFÈVRE Héléna");
    assertThat(thenRan).as("Cancel by default: stays").hasValue(0);
    assertThat(detail.firstName().get()).isEqualTo("Héléna");

    dialogs.answer(Unsaved.DISCARD);
    flow.guard(thenRan::incrementAndGet);
    assertThat(thenRan).hasValue(1);
    assertThat(detail.firstName().get()).isEqualTo("Hélène");
    assertThat(service.find(helene.id()).orElseThrow().firstName()).isEqualTo("Hélène");
  }

  @Test
  void erasingAPersonIsConfirmedNamingThemAndItsDefaultErasesNothing() {
    detail.open(helene.id(), () -> {});
    flow.erase();
    assertThat(dialogs.asked())
        .extracting(ScriptedDialogs.Asked::header)
        .containsExactly("Effacer Hélène Lefèvre ?");
    assertThat(erased()).isFalse();

    dialogs.answer(true);
    flow.erase();
    assertThat(erased()).isTrue();
    assertThat(detail.loaded().get()).isNull();
  }

  private boolean erased() {
    return services.db().dsl().fetchOne(CANDIDATE, CANDIDATE.ID.eq(helene.id())).getDeleted();
  }
}
