package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.TRAINING_EVENT;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingServiceTest {
  @TempDir java.nio.file.Path dir;
  ManualClock clock = new ManualClock(); // 2026-01-05
  Services s;
  TrainingService training;
  UUID candidate;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, clock);
    training = s.training();
    candidate = TrainingFixture.candidate(s, "Martin", "Léa");
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private long count(org.jooq.Table<?> t) {
    return s.db().dsl().fetchCount(t);
  }

  @Test
  void aPathWalksTheStepsAndEveryChangeIsADatedEventWithItsNote() {
    TrainingPath p =
        training.create(
            TrainingFixture.draft(candidate, FundingScheme.POEC, 350), null, "Idée", null);
    assertThat(p.status()).isEqualTo(TrainingStatus.IDEA);
    assertThat(p.candidateName()).isEqualTo("MARTIN Léa");
    assertThat(p.targetLabel()).isNotBlank();
    training.move(p.id(), TrainingStatus.APPLIED, "Dossier envoyé", false);
    clock.advanceMillis(86_400_000L);
    training.move(p.id(), TrainingStatus.FUNDED, "Accord Akto", false);
    TrainingPath funded = training.find(p.id()).orElseThrow();
    assertThat(funded.status()).isEqualTo(TrainingStatus.FUNDED);
    var events = training.events(p.id());
    assertThat(events)
        .extracting(TrainingEvent::to)
        .containsExactly(TrainingStatus.IDEA, TrainingStatus.APPLIED, TrainingStatus.FUNDED);
    assertThat(events.get(1).from()).isEqualTo(TrainingStatus.IDEA);
    assertThat(events.get(2).note()).isEqualTo("Accord Akto");
    assertThat(events.get(2).at()).isAfter(events.get(1).at());
    assertThat(training.timeline(candidate)).hasSize(3);
  }

  @Test
  void aSkipIsRefusedUntilConfirmedAndTheRefusalChangesNothing() {
    TrainingPath p =
        training.create(TrainingFixture.draft(candidate, FundingScheme.CPF, 100), null, null, null);
    long events = count(TRAINING_EVENT);
    assertThatThrownBy(() -> training.move(p.id(), TrainingStatus.IN_TRAINING, "vite", false))
        .isInstanceOf(StatusSkipException.class)
        .hasMessageContaining("Candidature")
        .hasMessageContaining("Financé")
        .satisfies(
            e ->
                assertThat(((StatusSkipException) e).skipped())
                    .containsExactly(TrainingStatus.APPLIED, TrainingStatus.FUNDED));
    assertThat(training.find(p.id()).orElseThrow().status()).isEqualTo(TrainingStatus.IDEA);
    assertThat(count(TRAINING_EVENT)).isEqualTo(events);
    training.move(p.id(), TrainingStatus.IN_TRAINING, "Entrée directe", true);
    assertThat(training.find(p.id()).orElseThrow().status()).isEqualTo(TrainingStatus.IN_TRAINING);
    // dropping needs no confirmation, reopening does
    training.move(p.id(), TrainingStatus.DROPPED, "Déménagement", false);
    assertThatThrownBy(() -> training.move(p.id(), TrainingStatus.IN_TRAINING, null, false))
        .isInstanceOf(StatusSkipException.class);
    assertThatThrownBy(() -> training.move(p.id(), TrainingStatus.DROPPED, null, true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("déjà");
  }

  @Test
  void endBeforeStartIsRefusedAndNothingIsSaved() {
    PathDraft d = TrainingFixture.draft(candidate, FundingScheme.POEC, 100);
    PathDraft bad =
        new PathDraft(
            d.candidateId(),
            null,
            d.fromRomeCode(),
            d.targetRomeCode(),
            d.title(),
            null,
            null,
            d.hours(),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 2, 1),
            d.scheme(),
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> training.create(bad, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Date de fin");
    PathDraft unknownRome =
        new PathDraft(
            d.candidateId(),
            null,
            null,
            "Z9999",
            d.title(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> training.create(unknownRome, null, null, null))
        .hasMessageContaining("Z9999");
    assertThat(count(TRAINING_PATH)).isZero();
    assertThat(count(TRAINING_EVENT)).isZero();
  }

  @Test
  void hoursAboveTheCeilingWarnWithTheRuleAndItsSourceButSave() {
    PathDraft d = TrainingFixture.draft(candidate, FundingScheme.POEC, 450);
    var warnings = training.warnings(d);
    assertThat(warnings).extracting(RuleWarning::kind).containsExactly("HOURS_ABOVE_MAX");
    assertThat(warnings.get(0).message()).contains("450 h", "400 h", "L6326-3");
    assertThat(training.create(d, null, null, null).hours()).isEqualTo(450);
    // POEI is tied to an offer
    assertThat(training.warnings(TrainingFixture.draft(candidate, FundingScheme.POEI, 300)))
        .extracting(RuleWarning::kind)
        .containsExactly("OFFER_MISSING");
  }

  @Test
  void theOutcomeIsDueSixMonthsAfterTheEndAndCannotPrecedeIt() {
    TrainingPath p =
        training.create(
            TrainingFixture.draft(candidate, FundingScheme.POEC, 300),
            TrainingStatus.IN_TRAINING,
            null,
            null);
    setToday(LocalDate.of(2026, 3, 27)); // finished once it has begun (starts 2026-02-02)
    training.move(p.id(), TrainingStatus.COMPLETED, "Titre obtenu", false);
    // ends 2026-03-27: due 2026-09-27
    setToday(LocalDate.of(2026, 9, 26));
    assertThat(training.outcomesDue()).isEmpty();
    setToday(LocalDate.of(2026, 9, 27));
    assertThat(training.outcomesDue()).extracting(TrainingPath::id).containsExactly(p.id());
    long events = count(TRAINING_EVENT);
    assertThatThrownBy(
            () ->
                training.recordOutcome(
                    p.id(), Outcome.EMPLOYED_TARGET, LocalDate.of(2026, 3, 1), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("avant la fin")
        // French dates, not ISO
        .hasMessageContaining("dim. 1 mars 2026")
        .hasMessageNotContaining("2026-03");
    assertThat(count(TRAINING_EVENT)).isEqualTo(events);
    assertThat(training.find(p.id()).orElseThrow().outcome()).isNull();
    training.recordOutcome(p.id(), Outcome.EMPLOYED_TARGET, LocalDate.of(2026, 9, 27), "CDI");
    assertThat(training.outcomesDue()).isEmpty();
    TrainingPath done = training.find(p.id()).orElseThrow();
    assertThat(done.outcome()).isEqualTo(Outcome.EMPLOYED_TARGET);
    assertThat(training.events(p.id()).get(training.events(p.id()).size() - 1).note())
        .contains("En emploi dans le métier visé", "CDI")
        .doesNotContain("EMPLOYED_TARGET");
  }

  @Test
  void aTrainingThatStartsNextMonthCannotBeFinishedEvenWithTheSkipConfirmation() {
    // today 2026-01-05, the training starts 2026-02-02
    TrainingPath p =
        training.create(
            TrainingFixture.draft(candidate, FundingScheme.POEC, 300),
            TrainingStatus.IN_TRAINING,
            null,
            null);
    long events = count(TRAINING_EVENT);
    for (boolean confirmed : new boolean[] {false, true}) {
      assertThatThrownBy(
              () -> training.move(p.id(), TrainingStatus.COMPLETED, "Attestation", confirmed))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.key()).contains("training.error.notStarted");
                assertThat(e.args()).containsExactly("lun. 2 févr. 2026");
              })
          .hasMessageContaining("commence le lun. 2 févr. 2026")
          .hasMessageContaining("« Terminé »");
    }
    assertThat(training.find(p.id()).orElseThrow().status()).isEqualTo(TrainingStatus.IN_TRAINING);
    assertThat(count(TRAINING_EVENT)).isEqualTo(events);
    assertThat(training.allows(p.startsOn(), TrainingStatus.COMPLETED)).isFalse();
    assertThat(training.allows(p.startsOn(), TrainingStatus.DROPPED)).isTrue();
    // from its first day on, it can
    setToday(LocalDate.of(2026, 2, 2));
    assertThat(training.move(p.id(), TrainingStatus.COMPLETED, null, false).status())
        .isEqualTo(TrainingStatus.COMPLETED);
  }

  @Test
  void aPathLinksToATrainingInformationMeetingAndRefusesAnUnknownOne() {
    PathDraft d = TrainingFixture.draft(candidate, FundingScheme.POEC, 100);
    PathDraft withMeeting =
        new PathDraft(
            d.candidateId(),
            null,
            null,
            "N1101",
            d.title(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            UUID.randomUUID());
    assertThatThrownBy(() -> training.create(withMeeting, null, null, null))
        .hasMessageContaining("Réunion");
    UUID meeting = TrainingFixture.trainingMeeting(s, "Réunion POEC logistique");
    PathDraft ok =
        new PathDraft(
            d.candidateId(),
            null,
            null,
            "N1101",
            d.title(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            meeting);
    assertThat(training.create(ok, null, null, null).meetingId()).isEqualTo(meeting);
    assertThat(training.trainingMeetings()).extracting(m -> m.id()).contains(meeting);
  }

  private void setToday(LocalDate d) {
    clock.set(d.atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
  }
}
