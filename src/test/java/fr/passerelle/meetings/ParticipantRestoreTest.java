package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Annuler" after removing a participant (#19): the same person back, status and rank kept. */
class ParticipantRestoreTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private Services services;
  private ParticipantService meetings;
  private MeetingFixture fixture;
  private final LocalDateTime monday9 = MeetingFixture.NEXT_MONDAY.atTime(9, 30);

  @BeforeEach
  void open() {
    services = TestServices.open(dir, clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    meetings = services.participants();
    fixture = new MeetingFixture(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private Participant of(Meeting m, UUID candidate) {
    return meetings.participants(m.id()).stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRemovedCandidateComesBackWithTheirStatusAndAnExternalWithTheirOrganisation() {
    Meeting m = fixture.meeting("Info coll", monday9, 120, 10);
    List<UUID> c = fixture.candidates(2);
    meetings.inviteCandidates(m.id(), c);
    meetings.setStatus(of(m, c.get(0)).id(), ParticipantStatus.CONFIRMED);
    Participant lea = of(m, c.get(0));
    Participant anne =
        meetings.addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto");

    meetings.remove(lea.id());
    meetings.remove(anne.id());
    assertThat(meetings.participants(m.id())).hasSize(1);

    Participant back = meetings.restore(lea);
    assertThat(back.candidateId()).isEqualTo(c.get(0));
    assertThat(back.status()).isEqualTo(ParticipantStatus.CONFIRMED);
    assertThat(back.invitedAt()).isEqualTo(lea.invitedAt());
    Participant partner = meetings.restore(anne);
    assertThat(partner.printedName()).isEqualTo("CAZALS Anne");
    assertThat(partner.organisation()).isEqualTo("Akto");
    assertThat(partner.role()).isEqualTo(ParticipantRole.PARTNER);
    assertThat(meetings.counts(m.id()).confirmed()).isEqualTo(1);
    assertThat(meetings.participants(m.id())).hasSize(3);

    // twice: refused, not added twice
    assertThatThrownBy(() -> meetings.restore(lea)).isInstanceOf(InvalidInputException.class);
    assertThat(meetings.participants(m.id())).hasSize(3);
  }

  @Test
  void aPlaceGivenMeanwhileToTheWaitlistPutsThemBackFirstOnTheWaitlist() {
    Meeting m = fixture.meeting("MRS", monday9, 120, 2);
    List<UUID> c = fixture.candidates(4);
    meetings.inviteCandidates(m.id(), c); // two invited, two waitlisted
    Participant first = of(m, c.get(0));
    meetings.remove(first.id());
    assertThat(of(m, c.get(2)).status()).isEqualTo(ParticipantStatus.INVITED); // promoted

    Participant back = meetings.restore(first);
    assertThat(back.status()).isEqualTo(ParticipantStatus.WAITLISTED);
    assertThat(WaitlistRanks.of(meetings.participants(m.id())).get(back.id()))
        .as("first in line: their invitation is the oldest")
        .isEqualTo(1);
    assertThat(meetings.counts(m.id()).invited()).isEqualTo(2);
  }
}
