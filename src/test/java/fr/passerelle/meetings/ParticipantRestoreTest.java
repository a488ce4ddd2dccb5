package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
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

  /**
   * #19: "Annuler" brings back the same row — its id, a version that descends from the removal's —
   * not a new row: partners' offices see the removal undone, not a removal and someone added. The
   * row count does not grow, and the put-back is in the audit trail as the participant's change.
   */
  @Test
  void theSameRowComesBackANewVersionOfIt() {
    Meeting m = fixture.meeting("Info coll", monday9, 120, 10);
    List<UUID> c = fixture.candidates(2);
    meetings.inviteCandidates(m.id(), c);
    Participant lea = meetings.setStatus(of(m, c.get(0)).id(), ParticipantStatus.CONFIRMED);
    Participant anne =
        meetings.addExternal(m.id(), ParticipantRole.EMPLOYER, "Anne", "Cazals", "Airbus");
    int rows = services.db().dsl().fetchCount(MEETING_PARTICIPANT);

    meetings.remove(lea.id(), lea.version());
    meetings.remove(anne.id(), anne.version());
    String removalVv = vv(lea.id());
    Participant back = meetings.restore(lea);
    Participant partner = meetings.restore(anne);

    assertThat(back.id()).as("the same row").isEqualTo(lea.id());
    assertThat(partner.id()).isEqualTo(anne.id());
    assertThat(partner.printedName()).isEqualTo("CAZALS Anne");
    assertThat(partner.organisation()).isEqualTo("Airbus");
    assertThat(back.status()).isEqualTo(ParticipantStatus.CONFIRMED);
    assertThat(back.invitedAt()).isEqualTo(lea.invitedAt());
    assertThat(services.db().dsl().fetchCount(MEETING_PARTICIPANT))
        .as("no row added: partners receive a new version of the same row")
        .isEqualTo(rows);
    assertThat(back.version()).isNotEqualTo(lea.version());
    fr.passerelle.db.VersionVector before = fr.passerelle.db.VersionVector.parse(removalVv);
    fr.passerelle.db.VersionVector now = fr.passerelle.db.VersionVector.parse(vv(back.id()));
    assertThat(now.compare(before))
        .as("the put-back supersedes the removal")
        .isEqualTo(fr.passerelle.db.VersionVector.Order.AFTER);
    assertThat(meetings.participants(m.id()))
        .extracting(Participant::id)
        .containsExactlyInAnyOrder(lea.id(), anne.id(), of(m, c.get(1)).id());

    // the put-back recorded as a change of the participant, at its new version (ADR 0197)
    assertThat(
            services
                .db()
                .dsl()
                .fetchCount(
                    AUDIT_ENTRY,
                    AUDIT_ENTRY
                        .SUBJECT
                        .eq("meeting_participant " + back.id())
                        .and(AUDIT_ENTRY.ACTION.eq(fr.passerelle.db.EditLocks.RECORD_SAVED))
                        .and(AUDIT_ENTRY.DETAILS.eq(back.version().toString()))))
        .isEqualTo(1);
  }

  /** A put-back never takes over a live row: its id given as another meeting's removed person. */
  @Test
  void aLiveRowIsNotTakenOverByAPutBack() {
    Meeting m = fixture.meeting("Info coll", monday9, 120, 10);
    Meeting other = fixture.meeting("MRS", monday9.plusDays(1), 120, 10);
    List<UUID> c = fixture.candidates(2);
    meetings.inviteCandidates(m.id(), c);
    Participant lea = of(m, c.get(0));
    Participant elsewhere =
        new Participant(
            lea.id(),
            other.id(),
            c.get(1),
            null,
            null,
            null,
            ParticipantRole.CANDIDATE,
            ParticipantStatus.INVITED,
            lea.invitedAt(),
            null,
            null,
            lea.version());

    assertThatThrownBy(() -> meetings.restore(elsewhere)).isInstanceOf(InvalidInputException.class);
    assertThat(of(m, c.get(0)).id()).isEqualTo(lea.id());
    assertThat(meetings.participants(other.id())).isEmpty();
  }

  private String vv(UUID participant) {
    return services
        .db()
        .dsl()
        .select(MEETING_PARTICIPANT.VV)
        .from(MEETING_PARTICIPANT)
        .where(MEETING_PARTICIPANT.ID.eq(participant))
        .fetchOne(MEETING_PARTICIPANT.VV);
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
