package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTNER;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.Settings;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.MeetingParticipantRecord;
import fr.passerelle.db.jooq.tables.records.MeetingPartnerRecord;
import fr.passerelle.db.jooq.tables.records.MeetingRecord;
import fr.passerelle.search.Kind;
import fr.passerelle.search.SearchService;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Meetings and their participants: the rules (validation, capacity with a waitlist promoted in
 * order of invitation, clashes) and the queries. Every public write is one transaction.
 */
public final class MeetingService {
  private static final String COUNSELOR_SETTING = "documents.counselor";

  private final SearchService search;
  private final Database db;
  private final ReplicatedWriter writer;
  private final WallClock clock;
  private final Seats seats;
  private final MeetingFocus focus;
  private final Access access;

  public MeetingService(
      Database db, ReplicatedWriter writer, WallClock clock, SearchService search, Access access) {
    this.db = db;
    this.search = search;
    this.access = access;
    this.writer = writer;
    this.clock = clock;
    this.seats = new Seats(writer, clock);
    this.focus = new MeetingFocus(db);
  }

  /** The occupations and offers a meeting can be about. */
  public MeetingFocus focus() {
    return focus;
  }

  /** The office's local time now. */
  public LocalDateTime now() {
    return clock.localNow();
  }

  /** The office's time zone, in which meetings' times are kept. */
  public ZoneId zone() {
    return clock.zone();
  }

  // ------------------------------------------------------------------ meetings

  public Meeting create(MeetingDraft draft) {
    access.require(Permission.MEETINGS_WRITE);
    draft.requireValid(now(), true, 0);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              focus.check(tx, draft);
              MeetingRecord r = tx.newRecord(MEETING);
              fill(r, draft);
              r.setStatus(MeetingStatus.PLANNED.name());
              writer.insert(tx, r);
              syncPartners(tx, r.getId(), draft.partners());
              return MeetingReads.meeting(tx, r.getId()).orElseThrow();
            });
  }

  /** Saves the edited fields; a raised capacity promotes waitlisted candidates. */
  public Meeting update(UUID id, MeetingDraft draft) {
    return update(id, null, draft);
  }

  /**
   * Saves the edited fields of the meeting read at {@code loaded}: refused with {@link
   * fr.passerelle.core.EditConflictException} (nothing written) when a colleague saved it since
   * (ADR 0177); a null {@code loaded} saves over whatever is stored (the command line).
   */
  public Meeting update(UUID id, RowVersion loaded, MeetingDraft draft) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              EditLocks.check(tx, MEETING, id, loaded, "Meeting");
              MeetingRecord r = record(tx, id);
              int confirmed = MeetingCounts.of(MeetingReads.participants(tx, id)).confirmed();
              boolean startChanged = !draft.startsAt().equals(r.getStartsAt());
              draft.requireValid(now(), startChanged, confirmed);
              focus.check(tx, draft);
              fill(r, draft);
              writer.update(tx, r);
              audited(tx, r);
              syncPartners(tx, id, draft.partners());
              seats.promoteWaitlisted(tx, id);
              return MeetingReads.meeting(tx, id).orElseThrow();
            });
  }

  /** A new meeting with the same details and partners (no participants) at {@code newStart}. */
  public Meeting duplicate(UUID id, LocalDateTime newStart) {
    access.require(Permission.MEETINGS_WRITE);
    Meeting source = find(id).orElseThrow(() -> unknown(id));
    return create(source.toDraft().movedTo(newStart));
  }

  /** Marks the meeting cancelled; its participants stay listed, so that they can be told. */
  public Meeting cancel(UUID id) {
    return cancel(id, null);
  }

  /**
   * Cancels the meeting read at {@code loaded}: refused (nothing written) when a colleague saved it
   * since (ADR 0177); null cancels whatever is stored.
   */
  public Meeting cancel(UUID id, RowVersion loaded) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              EditLocks.check(tx, MEETING, id, loaded, "Meeting");
              MeetingRecord r = record(tx, id);
              r.setStatus(MeetingStatus.CANCELLED.name());
              writer.update(tx, r);
              audited(tx, r);
              return MeetingReads.meeting(tx, id).orElseThrow();
            });
  }

  /** The audit entry naming who saved this version of the meeting (ADR 0177). */
  private void audited(DSLContext tx, MeetingRecord r) {
    access.audit().saved(tx, null, MEETING, r.getId(), EditLocks.version(r, MEETING));
  }

  public Optional<Meeting> find(UUID id) {
    access.require(Permission.MEETINGS_READ);
    return MeetingReads.meeting(db.dsl(), id);
  }

  /** The meeting, or exit 2 naming the id. */
  public Meeting get(UUID id) {
    access.require(Permission.MEETINGS_READ);
    return find(id).orElseThrow(() -> unknown(id));
  }

  public List<MeetingSummary> list(MeetingFilter filter) {
    access.require(Permission.MEETINGS_READ);
    DSLContext ctx = db.dsl();
    List<Meeting> meetings = MeetingReads.meetings(ctx, filter);
    Map<UUID, MeetingCounts> counts =
        MeetingReads.counts(ctx, meetings.stream().map(Meeting::id).toList());
    return meetings.stream().map(m -> new MeetingSummary(m, counts.get(m.id()))).toList();
  }

  /** The next planned meeting from now, with its figures. */
  public Optional<MeetingSummary> next() {
    access.require(Permission.MEETINGS_READ);
    DSLContext ctx = db.dsl();
    return MeetingReads.next(ctx, now())
        .map(m -> new MeetingSummary(m, MeetingReads.counts(ctx, List.of(m.id())).get(m.id())));
  }

  /** Other planned meetings at overlapping times in the same place and room. */
  public List<Clash> roomClashes(UUID excludeId, MeetingDraft draft) {
    access.require(Permission.MEETINGS_READ);
    return MeetingClashes.room(db.dsl(), excludeId, draft);
  }

  /** Candidates of this meeting invited to another planned meeting at an overlapping time. */
  public List<Clash> invitationClashes(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    return MeetingClashes.invitations(db.dsl(), get(meetingId));
  }

  // ------------------------------------------------------------------ participants

  /** The training paths started from this (training information) meeting. */
  public List<LinkedPath> trainingPaths(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    return MeetingReads.trainingPaths(db.dsl(), meetingId);
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
              record(tx, meetingId);
              String key = externalKey(firstName, lastName, org);
              for (Participant p : MeetingReads.participants(tx, meetingId)) {
                if (p.candidateId() == null
                    && key.equals(externalKey(p.firstName(), p.lastName(), p.organisation()))) {
                  throw InvalidInputException.of(
                      "meetings.problem.twice",
                      p.printedName() + " is already on this meeting.",
                      p.printedName());
                }
              }
              MeetingParticipantRecord r = tx.newRecord(MEETING_PARTICIPANT);
              r.setMeetingId(meetingId);
              r.setFirstName(trim(firstName));
              r.setLastName(lastName.trim());
              r.setOrganisation(trim(org));
              r.setRole(role.name());
              r.setStatus(ParticipantStatus.INVITED.name());
              r.setInvitedAt(seats.stampTime(0));
              writer.insert(tx, r);
              return find(tx, meetingId, r.getId());
            });
  }

  /**
   * Sets a participant's status; a freed place (excused) promotes the first waitlisted, in the same
   * transaction. A waitlisted candidate may be marked present (a walk-in), but not given a place
   * while the meeting is full.
   */
  public Participant setStatus(UUID participantId, ParticipantStatus status) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              MeetingParticipantRecord r = participantRecord(tx, participantId);
              ParticipantStatus old = ParticipantStatus.valueOf(r.getStatus());
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
              seats.promoteWaitlisted(tx, r.getMeetingId());
              return find(tx, r.getMeetingId(), participantId);
            });
  }

  /** Removes a participant (added by mistake); the freed place goes to the first waitlisted. */
  public void remove(UUID participantId) {
    access.require(Permission.MEETINGS_WRITE);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              MeetingParticipantRecord r = participantRecord(tx, participantId);
              writer.delete(tx, MEETING_PARTICIPANT, participantId);
              seats.promoteWaitlisted(tx, r.getMeetingId());
            });
  }

  // ------------------------------------------------------------------ look-ups

  /**
   * Candidates to invite for typed text, best first (the search index: names, typos, commune,
   * phone...); while the index is not current, those whose "last first" name starts with it.
   */
  public List<CandidateHit> searchCandidates(String text, int limit) {
    access.require(Permission.CANDIDATES_READ);
    var found = search.find(Kind.CANDIDATE, text, limit);
    if (found.isPresent()) {
      List<UUID> ids = found.get().stream().map(h -> UUID.fromString(h.id())).toList();
      return MeetingReads.candidatesById(db.dsl(), ids);
    }
    return MeetingReads.candidatesByName(db.dsl(), text, limit, search.consentingOnly());
  }

  /** Open sourcing lists with their number of active entries. */
  public List<SourcingListRef> sourcingLists() {
    access.require(Permission.LISTS_READ);
    return MeetingReads.openSourcingLists(db.dsl());
  }

  /** What the sign-in sheet, the convocations and the invitations show. */
  public MeetingSheet sheet(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    return MeetingSheets.build(db.dsl(), get(meetingId), clock.zone(), counselor());
  }

  /**
   * The counselor who signs convocations from this workstation (a local setting, never synced): ""
   * until set.
   */
  public String counselor() {
    return new Settings(db.dsl()).get(COUNSELOR_SETTING).orElse("");
  }

  /** Sets {@link #counselor()}; blank clears it. */
  public void setCounselor(String name) {
    access.require(Permission.MEETING_DOCUMENTS);
    ControlCharacters.require("counselor", name, false, "meetings.error.counselorControl");
    new Settings(db.dsl()).put(COUNSELOR_SETTING, name == null ? "" : name.strip());
  }

  /** When the meeting last changed (its hybrid clock's physical time), for DTSTAMP. */
  public Instant changedAt(UUID meetingId) {
    return Instant.ofEpochMilli(fr.passerelle.db.Hlc.physicalMillis(hlc(meetingId)));
  }

  /**
   * What a printed or exported document of the meeting holds (sign-in sheet, convocations, .ics):
   * for accounts allowed to issue them; audited as an export to {@code target} ({@code kind}: PDF,
   * ICS...).
   */
  public MeetingSheet document(UUID meetingId, String kind, String target) {
    access.require(Permission.MEETING_DOCUMENTS);
    MeetingSheet sheet = sheet(meetingId);
    access.audit().record(AuditAction.EXPORT, null, target, kind + " meeting " + meetingId);
    return sheet;
  }

  /**
   * A number that grows with each change of the meeting (seconds of its hybrid clock), for the
   * calendar file's SEQUENCE: a re-imported .ics replaces the older version.
   */
  public long revision(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    return (hlc(meetingId) >>> 16) / 1000;
  }

  private long hlc(UUID meetingId) {
    return db.dsl()
        .select(MEETING.HLC)
        .from(MEETING)
        .where(MEETING.ID.eq(meetingId))
        .fetchOptional(MEETING.HLC)
        .orElseThrow(() -> unknown(meetingId));
  }

  // ------------------------------------------------------------------ internals

  private void syncPartners(DSLContext tx, UUID meetingId, List<Partner> wanted) {
    List<Partner> remaining = new ArrayList<>(wanted);
    for (MeetingPartnerRecord p :
        tx.selectFrom(MEETING_PARTNER)
            .where(MEETING_PARTNER.MEETING_ID.eq(meetingId).and(MEETING_PARTNER.DELETED.isFalse()))
            .fetch()) {
      Partner existing = new Partner(PartnerKind.valueOf(p.getPartner()), p.getName());
      if (!remaining.remove(existing)) {
        writer.delete(tx, MEETING_PARTNER, p.getId());
      }
    }
    for (Partner p : remaining) {
      MeetingPartnerRecord r = tx.newRecord(MEETING_PARTNER);
      r.setMeetingId(meetingId);
      r.setPartner(p.kind().name());
      r.setName(p.name());
      writer.insert(tx, r);
    }
  }

  private static void fill(MeetingRecord r, MeetingDraft d) {
    r.setOfficeId(d.officeId());
    r.setCoOfficeId(d.coOfficeId());
    r.setKind(d.kind().name());
    r.setTitle(d.title().trim());
    r.setStartsAt(d.startsAt());
    r.setEndsAt(d.endsAt());
    r.setPlace(trim(d.place()));
    r.setRoom(trim(d.room()));
    r.setRemoteLink(trim(d.remoteLink()));
    r.setCapacity(d.capacity());
    r.setRomeCode(d.romeCode() == null || d.romeCode().isBlank() ? null : d.romeCode().trim());
    r.setOfferId(d.offerId());
    r.setNotes(trim(d.notes()));
  }

  static MeetingRecord record(DSLContext tx, UUID id) {
    return tx.selectFrom(MEETING)
        .where(MEETING.ID.eq(id).and(MEETING.DELETED.isFalse()))
        .fetchOptional()
        .orElseThrow(() -> unknown(id));
  }

  /** {@link #record}, the meeting's row locked until the end of {@code tx} (its seats). */
  static MeetingRecord lockedRecord(DSLContext tx, UUID id) {
    return tx.selectFrom(MEETING)
        .where(MEETING.ID.eq(id).and(MEETING.DELETED.isFalse()))
        .forUpdate()
        .fetchOptional()
        .orElseThrow(() -> unknown(id));
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

  static InvalidInputException unknown(UUID id) {
    return InvalidInputException.of(
        "meetings.error.noMeeting", "No meeting with id " + id + " in this data folder.");
  }

  private static String externalKey(String first, String last, String org) {
    return TextNorm.normalize(String.join(" ", nz(last), nz(first), nz(org)));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  // ------------------------------------------------------------------ undo (added last: #19)

  /**
   * Puts back a participant just removed (the view's "Annuler" after "Retirer", #19): a new row
   * with the same person, role, status and invitation time (their rank on the waitlist). If their
   * place went meanwhile to a waitlisted candidate and the meeting is full, they come back first on
   * the waitlist. Refused if the same person is on the meeting again.
   */
  public Participant restore(Participant removed) {
    access.require(Permission.MEETINGS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              UUID meetingId = removed.meetingId();
              lockedRecord(tx, meetingId);
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
                  throw InvalidInputException.of(
                      "meetings.problem.twice",
                      p.printedName() + " is already on this meeting.",
                      p.printedName());
                }
              }
              ParticipantStatus status = removed.status();
              if (candidate && status.holdsPlace() && seats.free(tx, meetingId) <= 0) {
                status = ParticipantStatus.WAITLISTED;
              }
              MeetingParticipantRecord r = tx.newRecord(MEETING_PARTICIPANT);
              r.setMeetingId(meetingId);
              r.setRole(removed.role().name());
              if (candidate) {
                r.setCandidateId(removed.candidateId());
              } else {
                r.setFirstName(trim(removed.firstName()));
                r.setLastName(removed.lastName());
                r.setOrganisation(trim(removed.organisation()));
              }
              r.setStatus(status.name());
              r.setInvitedAt(
                  removed.invitedAt() == null ? seats.stampTime(0) : removed.invitedAt());
              writer.insert(tx, r);
              return find(tx, meetingId, r.getId());
            });
  }
}
