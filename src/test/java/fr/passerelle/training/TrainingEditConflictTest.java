package fr.passerelle.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.TwoWorkstations;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two counselors change the same training path (ADR 0181): A and B see it at "Idée", B records the
 * person's withdrawal ("Abandon"), A — still seeing "Idée" — moves it to "Candidature", edits it,
 * records an outcome or deletes it: each refused with B's name and time, the path left as B saved
 * it; after reading it again A's edit goes through.
 */
class TrainingEditConflictTest {
  @TempDir Path dir;

  @Test
  void aPathChangedByAColleagueMeanwhileRefusesTheOlderViewThenTakesTheReloadedOne() {
    try (TwoWorkstations desks = new TwoWorkstations(dir.resolve("office"))) {
      refusedThenReloaded(desks);
    }
  }

  private static void refusedThenReloaded(TwoWorkstations desks) {
    var candidate = TrainingFixture.candidate(desks.a(), "Martin", "Léa");
    TrainingPath created =
        desks
            .a()
            .training()
            .create(
                TrainingFixture.draft(candidate, FundingScheme.AIF, 300), null, "Entretien", null);
    TrainingPath seenByA = desks.a().training().find(created.id()).orElseThrow();
    TrainingPath seenByB = desks.b().training().find(created.id()).orElseThrow();
    Instant hers = desks.minuteLater();
    desks
        .b()
        .training()
        .move(seenByB.id(), seenByB.version(), TrainingStatus.DROPPED, "Ne vient plus", false);

    TrainingService a = desks.a().training();
    assertThatThrownBy(
            () -> a.move(seenByA.id(), seenByA.version(), TrainingStatus.APPLIED, null, false))
        .isInstanceOfSatisfying(
            EditConflictException.class,
            e -> {
              assertThat(e.who()).contains(Colleague.ACTOR);
              assertThat(e.when()).isEqualTo(hers);
            });
    assertThatThrownBy(
            () ->
                a.update(
                    seenByA.id(),
                    seenByA.version(),
                    TrainingFixture.draft(candidate, FundingScheme.AIF, 300, "Cariste R489")))
        .isInstanceOf(EditConflictException.class);
    assertThatThrownBy(
            () ->
                a.recordOutcome(
                    seenByA.id(),
                    seenByA.version(),
                    Outcome.SEEKING,
                    LocalDate.of(2026, 9, 28),
                    null))
        .isInstanceOf(EditConflictException.class);
    assertThatThrownBy(() -> a.delete(seenByA.id(), seenByA.version()))
        .isInstanceOf(EditConflictException.class);
    TrainingPath stored = a.find(created.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TrainingStatus.DROPPED);
    assertThat(stored.title()).isEqualTo(created.title());
    assertThat(stored.outcome()).isNull();
    assertThat(a.events(created.id())).hasSize(2);

    TrainingPath saved =
        a.update(
            stored.id(),
            stored.version(),
            TrainingFixture.draft(candidate, FundingScheme.AIF, 300, "Cariste R489"));
    assertThat(saved.title()).isEqualTo("Cariste R489");
    assertThat(saved.status()).isEqualTo(TrainingStatus.DROPPED);
    a.delete(saved.id(), saved.version());
    assertThat(a.find(created.id())).isEmpty();
  }
}
