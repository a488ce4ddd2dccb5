package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.edited;
import static fr.passerelle.candidates.CandidateFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two counselors edit the same candidate's file (issue 15, ADR 0177): A opens it, B opens it, B
 * saves, A saves — A is refused with B's name and the time of B's save, and B's save is intact; A
 * reloads and saves — it passes. On the office server (the PostgreSQL suite) A and B are two
 * service stacks with their own connection pools, as two workstations; on H2 one stack whose
 * signed-in account changes between the steps (the check is the same SQL in the saving
 * transaction).
 */
class CandidateEditConflictTest {
  @TempDir Path dir;
  private final TestServices.ManualClock clock = new TestServices.ManualClock();
  private final List<Services> opened = new ArrayList<>();
  private Services a;
  private Services b;

  @BeforeEach
  void open() {
    a = TestServices.open(dir.resolve("office"), clock);
    opened.add(a);
    a.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Colleague.create(a);
    if (TestServer.configured()) {
      b = TestServices.openSignedOut(dir.resolve("office"), clock);
      opened.add(b);
    } else {
      b = a;
    }
  }

  @AfterEach
  void close() {
    opened.forEach(Services::close);
  }

  /** B (Hélène Dupont) signed in on its stack; on H2 the one stack changes hands. */
  private CandidateService asB() {
    return Colleague.signIn(b).candidates();
  }

  private CandidateService asA() {
    TestServices.signInAdmin(a);
    return a.candidates();
  }

  @Test
  void aSaveOverAColleaguesNewerEditIsRefusedWithWhoAndWhenAndNothingIsLost() {
    UUID id = asA().save(person("Lefèvre", "Julien", "31555", "N1103"), null).id();
    CandidateDetail loadedByA = asA().find(id).orElseThrow();
    CandidateDetail loadedByB = asB().find(id).orElseThrow();
    assertThat(loadedByA.version()).isNotNull().isEqualTo(loadedByB.version());

    clock.set(Instant.parse("2026-12-06T16:02:00Z").toEpochMilli());
    asB().save(edited(loadedByB, null, "06 12 34 56 78"), null);
    clock.advanceMillis(60_000);

    CandidateService candidatesA = asA();
    CandidateDetail mine = edited(loadedByA, "julien.lefevre@example.org", null);
    assertThatThrownBy(() -> candidatesA.save(mine, null))
        .isInstanceOfSatisfying(
            EditConflictException.class,
            e -> {
              assertThat(e.who()).contains(Colleague.ACTOR);
              assertThat(e.when()).isEqualTo(Instant.parse("2026-12-06T16:02:00Z"));
              assertThat(e.key()).contains("edit.conflict");
            });
    CandidateDetail stored = candidatesA.find(id).orElseThrow();
    assertThat(stored.phone()).isEqualTo("06 12 34 56 78");
    assertThat(stored.email()).isNull();

    // A reloads (theirs), types again and saves: it passes, B's phone kept
    CandidateDetail reloaded = candidatesA.find(id).orElseThrow();
    CandidateDetail saved =
        candidatesA.save(edited(reloaded, "julien.lefevre@example.org", reloaded.phone()), null);
    assertThat(saved.email()).isEqualTo("julien.lefevre@example.org");
    assertThat(saved.phone()).isEqualTo("06 12 34 56 78");
    assertThat(saved.version()).isNotEqualTo(reloaded.version());
    // and B, who still holds its first save's version, is now the one refused
    assertThatThrownBy(() -> asB().save(edited(loadedByB, null, "07 00 00 00 00"), null))
        .isInstanceOf(EditConflictException.class);
  }

  @Test
  void aColleagueWhoChangedOnlyATargetOccupationStillMakesTheFileNewer() {
    UUID id = asA().save(person("Martin", "Paul", "31555", "N1103"), null).id();
    CandidateDetail loadedByA = asA().find(id).orElseThrow();
    CandidateDetail loadedByB = asB().find(id).orElseThrow();
    CandidateDetail moreOccupations =
        new CandidateDetail(
            loadedByB.id(),
            loadedByB.officeId(),
            loadedByB.lastName(),
            loadedByB.firstName(),
            loadedByB.birthDate(),
            loadedByB.email(),
            loadedByB.phone(),
            loadedByB.address(),
            loadedByB.communeCode(),
            loadedByB.communeName(),
            loadedByB.mobilityKm(),
            loadedByB.drivingLicence(),
            loadedByB.availableFrom(),
            loadedByB.status(),
            loadedByB.registeredOn(),
            loadedByB.notes(),
            List.of(
                new CandidateDetail.TargetOccupation("N1103", null, 2),
                new CandidateDetail.TargetOccupation("F1703", null, 1)),
            loadedByB.criteria(),
            loadedByB.consent(),
            loadedByB.civility(),
            loadedByB.franceTravailId(),
            loadedByB.version());
    asB().save(moreOccupations, null);

    assertThatThrownBy(() -> asA().save(edited(loadedByA, null, "05 61 00 00 00"), null))
        .isInstanceOf(EditConflictException.class);
    assertThat(asA().find(id).orElseThrow().occupations()).hasSize(2);
  }

  @Test
  void aSaveThatChangesNothingKeepsTheVersionAndAFileNotLoadedFromTheFormIsNotChecked() {
    CandidateService candidates = asA();
    UUID id = candidates.save(person("Durand", "Léa", "31555"), null).id();
    CandidateDetail loaded = candidates.find(id).orElseThrow();
    assertThat(candidates.save(loaded, null).version()).isEqualTo(loaded.version());
    // an unchanged save by a colleague does not refuse the form
    asB().save(asB().find(id).orElseThrow(), null);
    assertThat(asA().save(edited(loaded, null, "05 61 11 22 33"), null).phone())
        .isEqualTo("05 61 11 22 33");
    // a detail without a version (an import, the command line) is saved as before
    assertThat(asA().save(edited(loaded, null, "05 61 44 55 66").withVersion(null), null).phone())
        .isEqualTo("05 61 44 55 66");
  }
}
