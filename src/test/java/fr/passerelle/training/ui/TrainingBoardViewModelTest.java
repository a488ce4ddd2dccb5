package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingBoardViewModelTest {
  @TempDir Path dir;

  @Test
  void theFormTheBoardTheSkipConfirmationAndKeyboardMoves() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      TrainingFixture.candidate(s, "Martin", "Léa");
      UiContext ctx = new UiContext(s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
      TrainingBoardViewModel vm = new TrainingBoardViewModel(ctx);
      PathFormViewModel form = new PathFormViewModel(ctx);
      form.reset();
      assertThat(form.invalid().get()).startsWith("Candidat");
      form.searchCandidates("mart");
      assertThat(form.candidate.get().name()).isEqualTo("MARTIN Léa");
      form.title.set("Cariste");
      form.hours.set("douze");
      assertThat(form.invalid().get()).startsWith("Heures");
      form.hours.set("450");
      form.scheme.set(FundingScheme.POEC);
      assertThat(form.invalid().get()).isNull();
      assertThat(form.warnings()).extracting(w -> w.kind()).containsExactly("HOURS_ABOVE_MAX");
      form.startsOn.set(java.time.LocalDate.of(2026, 3, 1));
      form.endsOn.set(java.time.LocalDate.of(2026, 2, 1));
      assertThat(form.invalid().get()).startsWith("Date de fin");
      form.endsOn.set(java.time.LocalDate.of(2026, 5, 1));
      vm.create(form.draft(), "premier entretien", p -> {});
      assertThat(vm.column(TrainingStatus.IDEA)).hasSize(1);
      assertThat(vm.selected().get().officeId())
          .isEqualTo(s.offices().current().orElseThrow().id());
      vm.select(vm.column(TrainingStatus.IDEA).get(0));
      assertThat(vm.timeline()).hasSize(1);
      vm.moveSelected(+1);
      assertThat(vm.column(TrainingStatus.APPLIED)).hasSize(1);
      // a skip waits for confirmation and changes nothing
      vm.move(vm.selected().get(), TrainingStatus.COMPLETED, "accord oral");
      assertThat(vm.pending().get()).isNotNull();
      assertThat(vm.pending().get().message()).contains("Financé", "En formation");
      assertThat(vm.column(TrainingStatus.APPLIED)).hasSize(1);
      vm.confirmPending();
      assertThat(vm.pending().get()).isNull();
      assertThat(vm.column(TrainingStatus.COMPLETED)).hasSize(1);
      assertThat(vm.timeline()).extracting(e -> e.note()).contains("accord oral");
      // an outcome before the end: the message, nothing saved
      vm.recordOutcome(
          fr.passerelle.training.Outcome.SEEKING, java.time.LocalDate.of(2026, 4, 1), null);
      assertThat(vm.error().get()).contains("avant la fin");
      assertThat(vm.selected().get().outcome()).isNull();
      vm.recordOutcome(
          fr.passerelle.training.Outcome.SEEKING, java.time.LocalDate.of(2026, 11, 1), null);
      assertThat(vm.selected().get().outcome()).isEqualTo(fr.passerelle.training.Outcome.SEEKING);
    }
  }

  @Test
  void theOutcomeControlShowsTheSelectedPersonsOwnOutcomeAndAReplacementAsksFirst() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      var a = TrainingFixture.candidate(s, "Martin", "Léa");
      var b = TrainingFixture.candidate(s, "Petit", "Hugo");
      UiContext ctx = new UiContext(s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
      TrainingBoardViewModel vm = new TrainingBoardViewModel(ctx);
      var t = s.training();
      var done = t.create(TrainingFixture.draft(a, FundingScheme.POEC, 300), null, null, null);
      t.move(done.id(), TrainingStatus.COMPLETED, null, true);
      t.recordOutcome(
          done.id(),
          fr.passerelle.training.Outcome.SEEKING,
          java.time.LocalDate.of(2026, 10, 1),
          null);
      var other = t.create(TrainingFixture.draft(b, FundingScheme.POEC, 300), null, null, null);
      vm.load();
      vm.select(t.find(done.id()).orElseThrow());
      assertThat(vm.outcomeChoice().get()).isEqualTo(fr.passerelle.training.Outcome.SEEKING);
      vm.outcomeChoice().set(fr.passerelle.training.Outcome.EMPLOYED_TARGET);
      // the next person: an empty control, not Léa's values
      vm.select(t.find(other.id()).orElseThrow());
      assertThat(vm.outcomeChoice().get()).isNull();
      assertThat(vm.outcomeDate().get()).isNull();
      // back to Léa: replacing her outcome asks first, naming both, and changes nothing yet
      vm.select(t.find(done.id()).orElseThrow());
      vm.outcomeChoice().set(fr.passerelle.training.Outcome.EMPLOYED_TARGET);
      vm.saveOutcome();
      assertThat(vm.outcomeReplace().get())
          .contains("En recherche", "jeu. 1 oct. 2026", "En emploi dans le métier visé");
      assertThat(t.find(done.id()).orElseThrow().outcome())
          .isEqualTo(fr.passerelle.training.Outcome.SEEKING);
      vm.cancelReplaceOutcome();
      assertThat(vm.outcomeChoice().get()).isEqualTo(fr.passerelle.training.Outcome.SEEKING);
      vm.outcomeChoice().set(fr.passerelle.training.Outcome.EMPLOYED_TARGET);
      vm.saveOutcome();
      vm.confirmReplaceOutcome();
      assertThat(t.find(done.id()).orElseThrow().outcome())
          .isEqualTo(fr.passerelle.training.Outcome.EMPLOYED_TARGET);
      // funding in words on the board
      assertThat(vm.schemeLabel(FundingScheme.CPRO_INTERIM))
          .isEqualTo("Contrat de professionnalisation intérimaire");
    }
  }

  @Test
  void aTrainingStartingNextMonthIsNotOfferedTerminéAndTheRefusalIsInFrench() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      var a = TrainingFixture.candidate(s, "Martin", "Léa");
      UiContext ctx = new UiContext(s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
      TrainingBoardViewModel vm = new TrainingBoardViewModel(ctx);
      var t = s.training();
      var start = t.today().plusMonths(1).withDayOfMonth(3);
      var d = TrainingFixture.draft(a, FundingScheme.POEC, 300);
      d =
          new fr.passerelle.training.PathDraft(
              d.candidateId(),
              d.counselorId(),
              d.fromRomeCode(),
              d.targetRomeCode(),
              d.title(),
              d.provider(),
              d.place(),
              d.hours(),
              start,
              start.plusMonths(2),
              d.scheme(),
              d.amount(),
              d.offerId(),
              d.employerId(),
              d.meetingId());
      var p = t.create(d, TrainingStatus.IN_TRAINING, null, null);
      vm.load();
      vm.select(p);
      assertThat(vm.moveTargets())
          .doesNotContain(TrainingStatus.COMPLETED, TrainingStatus.IN_TRAINING);
      assertThat(vm.moveTargets()).contains(TrainingStatus.DROPPED, TrainingStatus.FUNDED);
      assertThat(vm.canMove(p, TrainingStatus.COMPLETED)).isFalse();
      // Ctrl+→ asks the service, which refuses in French with the date in words
      vm.moveSelected(+1);
      assertThat(vm.column(TrainingStatus.IN_TRAINING)).hasSize(1);
      assertThat(vm.error().get())
          .contains("commence le", fr.passerelle.meetings.FrenchFormats.date(start), "Terminé")
          .doesNotContain(start.toString());
    }
  }

  @Test
  void aPathStartedFromAnOfferHasItsTargetOccupationAndTheOffer() {
    try (Services s = TestServices.open(dir)) {
      s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
      var offers = new fr.passerelle.testsupport.OfferFixtures(s);
      java.util.UUID other =
          offers.offer("Cariste", "N1101", "31555", java.time.LocalDate.of(2025, 12, 1));
      java.util.UUID offer =
          offers.offer("Cariste CACES 5", "N1101", "31555", java.time.LocalDate.of(2025, 12, 8));
      UiContext ctx = new UiContext(s, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
      PathFormViewModel form = new PathFormViewModel(ctx);

      form.prefill(fr.passerelle.ui.ActionRequest.forOffer("N1101", offer));

      assertThat(form.target.get().romeCode()).isEqualTo("N1101");
      assertThat(form.offers).extracting(o -> o.id()).contains(offer, other);
      assertThat(form.offer.get().id()).isEqualTo(offer);

      form.prefill(fr.passerelle.ui.ActionRequest.forOccupation("N1103"));
      assertThat(form.target.get().romeCode()).isEqualTo("N1103");
      assertThat(form.offer.get()).isNull();
    }
  }
}
