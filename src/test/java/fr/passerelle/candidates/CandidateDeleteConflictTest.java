package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.edited;
import static fr.passerelle.candidates.CandidateFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.TwoWorkstations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A candidate's erasure or deletion confirmed on a file a colleague saved since it was shown (ADR
 * 0181): refused with who and when, nothing erased; confirmed again on the file as now stored, it
 * goes through.
 */
class CandidateDeleteConflictTest {
  @TempDir Path dir;

  @Test
  void anErasureOfAFileChangedSinceItWasShownIsRefusedThenTakesTheReloadedFile() {
    try (TwoWorkstations desks = new TwoWorkstations(dir.resolve("office"))) {
      refusedThenReloaded(desks);
    }
  }

  private static void refusedThenReloaded(TwoWorkstations desks) {
    UUID id = desks.a().candidates().save(person("Lefèvre", "Julien", "31555", "N1103"), null).id();
    CandidateDetail shownToA = desks.a().candidates().find(id).orElseThrow();
    CandidateDetail shownToB = desks.b().candidates().find(id).orElseThrow();
    Instant hers = desks.minuteLater();
    desks.b().candidates().save(edited(shownToB, null, "06 12 34 56 78"), null);

    var a = desks.a();
    assertThatThrownBy(() -> a.personRights().erase(id, shownToA.version()))
        .isInstanceOfSatisfying(
            EditConflictException.class,
            e -> {
              assertThat(e.who()).contains(Colleague.ACTOR);
              assertThat(e.when()).isEqualTo(hers);
            });
    assertThatThrownBy(() -> a.candidates().delete(id, shownToA.version()))
        .isInstanceOf(EditConflictException.class);
    assertThat(a.candidates().find(id))
        .get()
        .extracting(CandidateDetail::phone)
        .isEqualTo("06 12 34 56 78");

    CandidateDetail reloaded = a.candidates().find(id).orElseThrow();
    a.personRights().erase(id, reloaded.version());
    assertThat(a.candidates().find(id)).isEmpty();
  }
}
