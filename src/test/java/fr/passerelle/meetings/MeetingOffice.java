package fr.passerelle.meetings;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office with its meeting services, for the tests of {@link MeetingService} and {@link
 * ParticipantService}: a fresh data folder per test, a clock the test moves, a fixture.
 */
abstract class MeetingOffice {
  @TempDir Path dir;
  final ManualClock clock = new ManualClock();
  Services services;
  MeetingService meetings;
  ParticipantService participants;
  MeetingFixture fixture;
  final LocalDateTime monday9 = MeetingFixture.NEXT_MONDAY.atTime(9, 30);

  @BeforeEach
  void open() {
    services = TestServices.open(dir, clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    meetings = services.meetings();
    participants = services.participants();
    fixture = new MeetingFixture(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  /** The candidate's participation in {@code m}. */
  Participant participantOf(Meeting m, UUID candidate) {
    return participants.participants(m.id()).stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow();
  }
}
