package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;

import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.MeetingParticipantRecord;
import fr.passerelle.db.jooq.tables.records.MeetingRecord;
import fr.passerelle.security.Access;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The capacity rule of a meeting (ADR 0030), inside the caller's transaction: invited candidates
 * take the free places in order, the rest wait; a freed place goes to the oldest waitlisted.
 * Partner staff and employers do not count.
 */
final class Seats {
  private final ReplicatedWriter writer;
  private final WallClock clock;
  private final Access access;

  Seats(ReplicatedWriter writer, WallClock clock, Access access) {
    this.writer = writer;
    this.clock = clock;
    this.access = access;
  }

  InviteResult invite(DSLContext tx, UUID meetingId, List<UUID> candidateIds) {
    // the meeting row locked first: two workstations inviting at once to the office server
    // count the free places one after the other, not both from the same stale count
    MeetingRecord m = MeetingService.lockedRecord(tx, meetingId);
    List<Participant> current = MeetingReads.participants(tx, meetingId);
    Map<UUID, Participant> byCandidate =
        current.stream()
            .filter(p -> p.candidateId() != null)
            .collect(Collectors.toMap(Participant::candidateId, p -> p, (a, b) -> a));
    int free = freePlaces(m.getCapacity(), current);
    List<String> already = new ArrayList<>();
    List<UUID> fresh = new ArrayList<>();
    for (UUID id : candidateIds) {
      Participant p = byCandidate.get(id);
      if (p != null) {
        already.add(p.printedName());
      } else if (!fresh.contains(id)) {
        fresh.add(id);
      }
    }
    int invited = 0;
    int waitlisted = 0;
    if (!fresh.isEmpty()) {
      ReplicatedWriter.StampBlock stamps = writer.reserve(tx, fresh.size());
      for (int i = 0; i < fresh.size(); i++) {
        boolean seat = free > 0;
        MeetingParticipantRecord r = tx.newRecord(MEETING_PARTICIPANT);
        r.setMeetingId(meetingId);
        r.setCandidateId(fresh.get(i));
        r.setRole(ParticipantRole.CANDIDATE.name());
        r.setStatus((seat ? ParticipantStatus.INVITED : ParticipantStatus.WAITLISTED).name());
        r.setInvitedAt(stampTime(i));
        writer.insert(tx, r, stamps.next());
        if (seat) {
          free--;
          invited++;
        } else {
          waitlisted++;
        }
      }
    }
    return new InviteResult(invited, waitlisted, already);
  }

  /**
   * Gives freed places to the waitlisted candidates, oldest invitation first; each promotion is
   * recorded as saved by the signed-in account, whose action freed the place (ADR 0197: a colleague
   * acting on the promoted participant as it was shown before is refused, naming who and when).
   */
  void promoteWaitlisted(DSLContext tx, UUID meetingId) {
    int free = free(tx, meetingId);
    if (free <= 0) {
      return;
    }
    List<MeetingParticipantRecord> waiting =
        tx.selectFrom(MEETING_PARTICIPANT)
            .where(
                MEETING_PARTICIPANT
                    .MEETING_ID
                    .eq(meetingId)
                    .and(MEETING_PARTICIPANT.DELETED.isFalse())
                    .and(MEETING_PARTICIPANT.ROLE.eq(ParticipantRole.CANDIDATE.name()))
                    .and(MEETING_PARTICIPANT.STATUS.eq(ParticipantStatus.WAITLISTED.name())))
            .orderBy(MEETING_PARTICIPANT.INVITED_AT, MEETING_PARTICIPANT.ID)
            .limit(free)
            .fetch();
    for (MeetingParticipantRecord r : waiting) {
      r.setStatus(ParticipantStatus.INVITED.name());
      writer.update(tx, r);
      saved(tx, r.getCandidateId(), r.getId());
    }
  }

  /**
   * Records that the signed-in account wrote participant {@code id} (about candidate {@code
   * person}, null for partner staff) at its current version — its tombstone's after a removal — so
   * that a colleague's change over it is refused naming who and when (ADR 0177, 0197).
   */
  void saved(DSLContext tx, UUID person, UUID id) {
    Record2<UUID, Long> dot =
        tx.select(MEETING_PARTICIPANT.DOT_REPLICA, MEETING_PARTICIPANT.DOT_SEQ)
            .from(MEETING_PARTICIPANT)
            .where(MEETING_PARTICIPANT.ID.eq(id))
            .fetchOne();
    access
        .audit()
        .saved(tx, person, MEETING_PARTICIPANT, id, new RowVersion(dot.value1(), dot.value2()));
  }

  int free(DSLContext tx, UUID meetingId) {
    return freePlaces(
        MeetingService.lockedRecord(tx, meetingId).getCapacity(),
        MeetingReads.participants(tx, meetingId));
  }

  private static int freePlaces(Integer capacity, List<Participant> participants) {
    if (capacity == null) {
      return Integer.MAX_VALUE;
    }
    long taken =
        participants.stream()
            .filter(p -> p.role() == ParticipantRole.CANDIDATE && p.status().holdsPlace())
            .count();
    return (int) Math.max(0, capacity - taken);
  }

  /** Invitation times: now, plus a microsecond per rank so that the order survives storage. */
  java.time.OffsetDateTime stampTime(int rank) {
    return Instant.ofEpochMilli(clock.millis())
        .plusNanos(1_000L * rank)
        .atOffset(java.time.ZoneOffset.UTC);
  }
}
