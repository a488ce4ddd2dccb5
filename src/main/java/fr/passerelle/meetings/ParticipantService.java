package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.MeetingParticipantRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The people on a meeting: candidates invited (one by one or from a sourcing list), partner staff
 * and employers, their statuses and removal, and the look-ups that find whom to invite. The
 * capacity rule is {@link Seats}: every write that can take or free a place runs it in the same
 * transaction, the meeting's row locked. The meeting itself is {@link MeetingService}'s.
 */
public final class ParticipantService {
  private final CandidateSearch candidates;
  private final Database db;
  private final ReplicatedWriter writer;
  private final Seats seats;
  private final Access access;

  /** The open sourcing lists offered to invite, until the next change (ADR 0206). */
  private final fr.passerelle.db.UntilChanged<Boolean, List<SourcingListRef>> openLists;

  public ParticipantService(
      Database db,
      ReplicatedWriter writer,
      WallClock clock,
      CandidateSearch candidates,
      Access access) {
    this.db = db;
    this.candidates = candidates;
    this.openLists = new fr.passerelle.db.UntilChanged<>(db, 1);
    this.access = access;
    this.writer = writer;
    this.seats = new Seats(writer, clock, access);
  }

  /**
   * The participants of a meeting; their phone and e-mail only for a reader of candidates' files (a
   * meetings-only role sees names and statuses).
   */
  public List<Participant> participants(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    List<Participant> all = MeetingReads.participants(db.dsl(), meetingId);
    return access.has(Permission.CANDIDATES_READ)
        ? all
        : all.stream().map(Participant::withoutContacts).toList();
  }

  public MeetingCounts counts(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    return MeetingReads.counts(db.dsl(), List.of(meetingId)).get(meetingId);
  }

  /** Candidates of this meeting invited to another planned meeting at an overlapping time. */
  public List<Clash> invitationClashes(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    DSLContext ctx = db.dsl();
    Meeting meeting =
        MeetingReads.meeting(ctx, meetingId).orElseThrow(() -> MeetingService.unknown(meetingId));
    return MeetingClashes.invitations(ctx, meeting);
  }

  /**
   * Invites candidates in the given order: each gets a place while there is one, the rest are
   * waitlisted in that order. Candidates already on the meeting are reported, not added twice.
   */
  public InviteResult inviteCandidates(UUID meetingId, List<UUID> candidateIds) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl().transactionResult(cfg -> seats.invite(cfg.dsl(), meetingId, candidateIds));
  }

  /** Invites the active entries of a sourcing list (best score first), in one transaction. */
  public InviteResult inviteSourcingList(UUID meetingId, UUID listId) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              List<UUID> ids =
                  tx.select(SOURCING_ENTRY.CANDIDATE_ID)
                      .from(SOURCING_ENTRY)
                      .join(CANDIDATE)
                      .on(CANDIDATE.ID.eq(SOURCING_ENTRY.CANDIDATE_ID))
                      .where(
                          SOURCING_ENTRY
                              .LIST_ID
                              .eq(listId)
                              .and(SOURCING_ENTRY.DELETED.isFalse())
                              .and(CANDIDATE.DELETED.isFalse())
                              .and(
                                  SOURCING_ENTRY
                                      .STATUS
                                      .notIn("DECLINED", "WITHDRAWN")
                                      .or(SOURCING_ENTRY.STATUS.isNull())))
                      .orderBy(
                          SOURCING_ENTRY.SCORE.desc().nullsLast(),
                          SOURCING_ENTRY.ADDED_ON.nullsLast(),
                          CANDIDATE.NAME_NORM,
                          CANDIDATE.ID)
                      .fetch(SOURCING_ENTRY.CANDIDATE_ID);
              if (ids.isEmpty()) {
                throw InvalidInputException.of(
                    "meetings.error.emptyList", "This sourcing list has no active candidate.");
              }
              return seats.invite(tx, meetingId, ids);
            });
  }

  /** Adds partner staff or an employer representative (they do not count against capacity). */
  public Participant addExternal(
      UUID meetingId, ParticipantRole role, String firstName, String lastName, String org) {
    access.require(Permission.MEETINGS_WRITE);
    if (role == ParticipantRole.CANDIDATE) {
      throw new IllegalArgumentException("candidates are invited by id");
    }
    if (lastName == null || lastName.isBlank()) {
      throw InvalidInputException.of("meetings.error.lastName", "The last name is required.");
    }
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              MeetingService.record(tx, meetingId);
              String key = externalKey(firstName, lastName, org);
              for (Participant p : MeetingReads.participants(tx, meetingId)) {
                if (p.candidateId() == null
                    && key.equals(externalKey(p.firstName(), p.lastName(), p.organisation()))) {
                  throw already(p.printedName());
                }
              }
              MeetingParticipantRecord r = tx.newRecord(MEETING_PARTICIPANT);
              r.setMeetingId(meetingId);
              r.setFirstName(MeetingService.trim(firstName));
              r.setLastName(lastName.trim());
              r.setOrganisation(MeetingService.trim(org));
              r.setRole(role.name());
              r.setStatus(ParticipantStatus.INVITED.name());
              r.setInvitedAt(seats.stampTime(0));
              writer.insert(tx, r);
              return find(tx, meetingId, r.getId());
            });
  }

  /** {@link #setStatus(UUID, RowVersion, ParticipantStatus)} over whatever is stored. */
  public Participant setStatus(UUID participantId, ParticipantStatus status) {
    return setStatus(participantId, null, status);
  }

  /**
   * Sets a participant's status; a freed place (excused) promotes the first waitlisted, in the same
   * transaction. A waitlisted candidate may be marked present (a walk-in), but not given a place
   * while the meeting is full. {@code loaded} is the participant's version as the view showed it:
   * refused with {@link fr.passerelle.core.EditConflictException} (nothing written) when a
   * colleague changed or removed the participant since (ADR 0197) — unless the status is already
   * the one asked for, which writes nothing; null (the command line, tests) sets it over whatever
   * is stored.
   */
  public Participant setStatus(UUID participantId, RowVersion loaded, ParticipantStatus status) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              MeetingParticipantRecord r = lockedParticipant(tx, participantId, loaded, status);
              ParticipantStatus old = ParticipantStatus.valueOf(r.getStatus());
              if (old == status) {
                return find(tx, r.getMeetingId(), participantId);
              }
              boolean candidate = ParticipantRole.CANDIDATE.name().equals(r.getRole());
              if (candidate
                  && !old.holdsPlace()
                  && (status == ParticipantStatus.INVITED || status == ParticipantStatus.CONFIRMED)
                  && seats.free(tx, r.getMeetingId()) <= 0) {
                throw InvalidInputException.of(
                    "meetings.error.full",
                    "The meeting is full: this candidate stays on the waitlist.");
              }
              r.setStatus(status.name());
              writer.update(tx, r);
              seats.saved(tx, r.getCandidateId(), participantId);
              seats.promoteWaitlisted(tx, r.getMeetingId());
              return find(tx, r.getMeetingId(), participantId);
            });
  }

  /** {@link #remove(UUID, RowVersion)} of whatever is stored. */
  public void remove(UUID participantId) {
    remove(participantId, null);
  }

  /**
   * Removes a participant (added by mistake); the freed place goes to the first waitlisted. Refused
   * (nothing written) when a colleague changed or removed the participant since the view showed it
   * at {@code loaded} (ADR 0197); null removes whatever is stored.
   */
  public void remove(UUID participantId, RowVersion loaded) {
    access.require(Permission.MEETINGS_WRITE);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              MeetingParticipantRecord r = lockedParticipant(tx, participantId, loaded, null);
              writer.delete(tx, MEETING_PARTICIPANT, participantId);
              seats.saved(tx, r.getCandidateId(), participantId);
              seats.promoteWaitlisted(tx, r.getMeetingId());
            });
  }

  /**
   * Puts back a participant just removed (the view's "Annuler" after "Retirer", #19): the same row
   * — its tombstone brought back to life, same id, so that partners' offices see the removal undone
   * rather than a removal and another person added — with the same person, role, status and
   * invitation time (their rank on the waitlist). If their place went meanwhile to a waitlisted
   * candidate and the meeting is full, they come back first on the waitlist. Recorded as a change
   * of the participant (ADR 0197: a colleague's change over the version before the removal is
   * refused naming who put them back). Refused if the same person is on the meeting again.
   */
  public Participant restore(Participant removed) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              UUID meetingId = removed.meetingId();
              MeetingService.lockedRecord(tx, meetingId);
              boolean candidate = removed.role() == ParticipantRole.CANDIDATE;
              String key =
                  externalKey(removed.firstName(), removed.lastName(), removed.organisation());
              for (Participant p : MeetingReads.participants(tx, meetingId)) {
                boolean same =
                    candidate
                        ? removed.candidateId().equals(p.candidateId())
                        : p.candidateId() == null
                            && key.equals(
                                externalKey(p.firstName(), p.lastName(), p.organisation()));
                if (same) {
                  throw already(p.printedName());
                }
              }
              ParticipantStatus status =
                  candidate && removed.status().holdsPlace() && seats.free(tx, meetingId) <= 0
                      ? ParticipantStatus.WAITLISTED
                      : removed.status();
              // the removal's tombstone brought back (ADR 0201); refused if the row is live (on
              // another meeting, or put back by a partner's file)
              MeetingParticipantRecord r =
                  writer
                      .putBack(
                          tx,
                          MEETING_PARTICIPANT,
                          removed.id(),
                          p -> {
                            p.setMeetingId(meetingId);
                            p.setRole(removed.role().name());
                            if (candidate) {
                              p.setCandidateId(removed.candidateId());
                            } else {
                              p.setFirstName(MeetingService.trim(removed.firstName()));
                              p.setLastName(removed.lastName());
                              p.setOrganisation(MeetingService.trim(removed.organisation()));
                            }
                            p.setStatus(status.name());
                            p.setInvitedAt(
                                removed.invitedAt() == null
                                    ? seats.stampTime(0)
                                    : removed.invitedAt());
                          })
                      .orElseThrow(() -> already(removed.printedName()));
              seats.saved(tx, removed.candidateId(), r.getId());
              return find(tx, meetingId, r.getId());
            });
  }

  // ------------------------------------------------------------------ whom to invite

  /**
   * Candidates to invite for typed text, best first (the search index: names, typos, commune,
   * phone...); while the index is not current, those whose "last first" name starts with it.
   */
  public List<CandidateHit> searchCandidates(String text, int limit) {
    access.require(Permission.CANDIDATES_READ);
    return candidates.byName(text, limit);
  }

  /** Open sourcing lists with their number of active entries. */
  public List<SourcingListRef> sourcingLists() {
    access.require(Permission.LISTS_READ);
    return openLists.get(true, MeetingReads::openSourcingLists);
  }

  // ------------------------------------------------------------------ internals

  /**
   * The participant's row, locked after its meeting's (the order invitations and promotions take:
   * two workstations changing two participants of one meeting wait for each other, never deadlock),
   * checked at version {@code loaded} ({@link EditLocks#checkOrDeleted}). A participant already at
   * {@code wanted} (not null) is not refused: nothing will be written.
   */
  private static MeetingParticipantRecord lockedParticipant(
      DSLContext tx, UUID id, RowVersion loaded, ParticipantStatus wanted) {
    UUID meetingId =
        tx.select(MEETING_PARTICIPANT.MEETING_ID)
            .from(MEETING_PARTICIPANT)
            .where(MEETING_PARTICIPANT.ID.eq(id))
            .fetchOptional(MEETING_PARTICIPANT.MEETING_ID)
            .orElse(null); // null: no such row, or a tombstone (its fields cleared)
    if (meetingId != null) {
      MeetingService.lockedRecord(tx, meetingId);
    }
    MeetingParticipantRecord r = meetingId == null ? null : participantRecord(tx, id);
    boolean alreadyWanted = r != null && wanted != null && wanted.name().equals(r.getStatus());
    if (loaded != null && !alreadyWanted) {
      EditLocks.checkOrDeleted(tx, MEETING_PARTICIPANT, id, loaded, "Participant");
    }
    return r != null ? r : participantRecord(tx, id);
  }

  private static MeetingParticipantRecord participantRecord(DSLContext tx, UUID id) {
    return tx.selectFrom(MEETING_PARTICIPANT)
        .where(MEETING_PARTICIPANT.ID.eq(id).and(MEETING_PARTICIPANT.DELETED.isFalse()))
        .fetchOptional()
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "meetings.error.noParticipant", "No participant with id " + id + "."));
  }

  private static Participant find(DSLContext tx, UUID meetingId, UUID participantId) {
    return MeetingReads.participants(tx, meetingId).stream()
        .filter(p -> p.id().equals(participantId))
        .findFirst()
        .orElseThrow();
  }

  /** Refuses to put {@code name} on a meeting they are on already. */
  private static InvalidInputException already(String name) {
    return InvalidInputException.of(
        "meetings.problem.twice", name + " is already on this meeting.", name);
  }

  private static String externalKey(String first, String last, String org) {
    return TextNorm.normalize(String.join(" ", nz(last), nz(first), nz(org)));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
