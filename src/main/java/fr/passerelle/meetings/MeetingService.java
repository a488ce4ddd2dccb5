package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTNER;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.MeetingPartnerRecord;
import fr.passerelle.db.jooq.tables.records.MeetingRecord;
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
 * Meetings themselves: their life cycle (create, edit, duplicate, cancel; validation, room
 * clashes), the reads of a meeting and the documents it gives (sign-in sheet, convocations,
 * calendar file). Every public write is one transaction. Who is on a meeting is {@link
 * ParticipantService}'s; a raised capacity still promotes the waitlisted ({@link Seats}).
 */
public final class MeetingService {
  private static final String COUNSELOR_SETTING = "documents.counselor";

  private final Database db;
  private final ReplicatedWriter writer;
  private final WallClock clock;
  private final Seats seats;
  private final MeetingFocus focus;
  private final Access access;

  /** The windows the calendar showed last, until the next change (ADR 0206). */
  private final fr.passerelle.db.UntilChanged<MeetingFilter, List<MeetingSummary>> windows;

  public MeetingService(Database db, ReplicatedWriter writer, WallClock clock, Access access) {
    this.db = db;
    this.windows = new fr.passerelle.db.UntilChanged<>(db, 4);
    this.access = access;
    this.writer = writer;
    this.clock = clock;
    this.seats = new Seats(writer, clock, access);
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
    // a return to the calendar, or a week of the same month, with nothing changed: no read
    return windows.get(
        filter,
        ctx -> {
          List<Meeting> meetings = MeetingReads.meetings(ctx, filter);
          Map<UUID, MeetingCounts> counts =
              MeetingReads.counts(ctx, meetings.stream().map(Meeting::id).toList());
          return meetings.stream().map(m -> new MeetingSummary(m, counts.get(m.id()))).toList();
        });
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

  /** The training paths started from this (training information) meeting. */
  public List<LinkedPath> trainingPaths(UUID meetingId) {
    access.require(Permission.MEETINGS_READ);
    return MeetingReads.trainingPaths(db.dsl(), meetingId);
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

  static InvalidInputException unknown(UUID id) {
    return InvalidInputException.of(
        "meetings.error.noMeeting", "No meeting with id " + id + " in this data folder.");
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
