package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.meetings.ParticipantStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #19: a participant removed then put back ("Annuler") reaches another office as the same row, a
 * new version of it — not a removal and another person added, which left a tombstone and a second
 * row there and lost the row's history.
 */
class ParticipantPutBackSyncTest {
  @TempDir Path root;
  Node a;
  Node b;

  @BeforeEach
  void setUp() {
    Node[] pair = Node.trustingPair(root);
    a = pair[0];
    b = pair[1];
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  @Test
  void thePutBackParticipantIsTheSameRowAtTheOtherOffice() {
    MeetingFixture fixture = new MeetingFixture(a.services);
    Meeting m = fixture.meeting("Info coll", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 10);
    List<UUID> people = fixture.candidates(2);
    ParticipantService here = a.services.participants();
    here.inviteCandidates(m.id(), people);
    Participant invited =
        here.participants(m.id()).stream()
            .filter(p -> people.get(0).equals(p.candidateId()))
            .findFirst()
            .orElseThrow();
    Participant lea = here.setStatus(invited.id(), invited.version(), ParticipantStatus.CONFIRMED);
    a.sendTo(b);
    int rows = b.dsl().fetchCount(MEETING_PARTICIPANT);

    here.remove(lea.id(), lea.version());
    Participant back = here.restore(lea);
    a.sendTo(b);

    assertThat(b.dsl().fetchCount(MEETING_PARTICIPANT)).as("no row added there").isEqualTo(rows);
    List<Participant> there = b.services.participants().participants(m.id());
    assertThat(there).extracting(Participant::id).contains(lea.id()).hasSize(2);
    assertThat(there.stream().filter(p -> p.id().equals(lea.id())).findFirst().orElseThrow())
        .satisfies(p -> assertThat(p.status()).isEqualTo(ParticipantStatus.CONFIRMED))
        .satisfies(p -> assertThat(p.invitedAt()).isEqualTo(lea.invitedAt()))
        .satisfies(p -> assertThat(p.version()).isEqualTo(back.version()));
  }
}
