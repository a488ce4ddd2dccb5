package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTNER;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.db.InLists;
import fr.passerelle.db.jooq.tables.records.MeetingRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The read queries of meetings and participants (orphans skipped, tombstones ignored). */
final class MeetingReads {
  private MeetingReads() {}

  static Optional<Meeting> meeting(DSLContext ctx, UUID id) {
    return ctx.selectFrom(MEETING)
        .where(MEETING.ID.eq(id).and(MEETING.DELETED.isFalse()))
        .fetchOptional()
        .map(r -> toMeeting(r, partners(ctx, List.of(id)).getOrDefault(id, List.of())));
  }

  static List<Meeting> meetings(DSLContext ctx, MeetingFilter f) {
    List<Condition> where = new ArrayList<>();
    where.add(MEETING.DELETED.isFalse());
    if (f.from() != null) {
      where.add(MEETING.ENDS_AT.gt(f.from()));
    }
    if (f.to() != null) {
      where.add(MEETING.STARTS_AT.lt(f.to()));
    }
    if (f.kind() != null) {
      where.add(MEETING.KIND.eq(f.kind().name()));
    }
    if (f.romeCode() != null && !f.romeCode().isBlank()) {
      where.add(MEETING.ROME_CODE.eq(f.romeCode().trim().toUpperCase(java.util.Locale.ROOT)));
    }
    if (f.officeId() != null) {
      where.add(MEETING.OFFICE_ID.eq(f.officeId()).or(MEETING.CO_OFFICE_ID.eq(f.officeId())));
    }
    if (f.status() != null) {
      where.add(MEETING.STATUS.eq(f.status().name()));
    }
    List<MeetingRecord> rows =
        ctx.selectFrom(MEETING).where(where).orderBy(MEETING.STARTS_AT, MEETING.ID).fetch();
    Map<UUID, List<Partner>> partners =
        partners(ctx, rows.stream().map(MeetingRecord::getId).toList());
    return rows.stream()
        .map(r -> toMeeting(r, partners.getOrDefault(r.getId(), List.of())))
        .toList();
  }

  /** The first planned meeting starting at or after {@code now}. */
  static Optional<Meeting> next(DSLContext ctx, java.time.LocalDateTime now) {
    return ctx.selectFrom(MEETING)
        .where(MEETING.DELETED.isFalse())
        .and(MEETING.STATUS.eq(MeetingStatus.PLANNED.name()))
        .and(MEETING.STARTS_AT.ge(now))
        .orderBy(MEETING.STARTS_AT, MEETING.ID)
        .limit(1)
        .fetchOptional()
        .map(
            r ->
                toMeeting(r, partners(ctx, List.of(r.getId())).getOrDefault(r.getId(), List.of())));
  }

  static Map<UUID, List<Partner>> partners(DSLContext ctx, Collection<UUID> meetingIds) {
    Map<UUID, List<Partner>> out = new HashMap<>();
    if (meetingIds.isEmpty()) {
      return out;
    }
    ctx.selectFrom(MEETING_PARTNER)
        .where(
            InLists.in(MEETING_PARTNER.MEETING_ID, meetingIds)
                .and(MEETING_PARTNER.DELETED.isFalse()))
        .orderBy(MEETING_PARTNER.PARTNER, MEETING_PARTNER.NAME)
        .forEach(
            p ->
                out.computeIfAbsent(p.getMeetingId(), k -> new ArrayList<>())
                    .add(new Partner(PartnerKind.valueOf(p.getPartner()), p.getName())));
    return out;
  }

  /** Condition: the participant is not a tombstone and its candidate (if any) is visible here. */
  static Condition visibleParticipant() {
    return MEETING_PARTICIPANT
        .DELETED
        .isFalse()
        .and(MEETING_PARTICIPANT.CANDIDATE_ID.isNull().or(CANDIDATE.ID.isNotNull()));
  }

  /** The training paths that came from this meeting, by candidate name. */
  static List<LinkedPath> trainingPaths(DSLContext ctx, UUID meetingId) {
    return ctx.select(
            TRAINING_PATH.ID,
            CANDIDATE.LAST_NAME,
            CANDIDATE.FIRST_NAME,
            TRAINING_PATH.TITLE,
            TRAINING_PATH.STATUS)
        .from(TRAINING_PATH)
        .join(CANDIDATE)
        .on(CANDIDATE.ID.eq(TRAINING_PATH.CANDIDATE_ID).and(CANDIDATE.DELETED.isFalse()))
        .where(TRAINING_PATH.MEETING_ID.eq(meetingId).and(TRAINING_PATH.DELETED.isFalse()))
        .orderBy(CANDIDATE.NAME_NORM, TRAINING_PATH.ID)
        .fetch(
            r ->
                new LinkedPath(
                    r.value1(),
                    (nz(r.value2()).toUpperCase(java.util.Locale.FRENCH) + " " + nz(r.value3()))
                        .strip(),
                    r.value4(),
                    r.value5()));
  }

  static List<Participant> participants(DSLContext ctx, UUID meetingId) {
    return ctx.select(
            MEETING_PARTICIPANT.asterisk(),
            CANDIDATE.FIRST_NAME,
            CANDIDATE.LAST_NAME,
            CANDIDATE.PHONE,
            CANDIDATE.EMAIL)
        .from(MEETING_PARTICIPANT)
        .leftJoin(CANDIDATE)
        .on(CANDIDATE.ID.eq(MEETING_PARTICIPANT.CANDIDATE_ID).and(CANDIDATE.DELETED.isFalse()))
        .where(MEETING_PARTICIPANT.MEETING_ID.eq(meetingId).and(visibleParticipant()))
        .orderBy(MEETING_PARTICIPANT.INVITED_AT, MEETING_PARTICIPANT.ID)
        .fetch(MeetingReads::toParticipant);
  }

  static Participant toParticipant(Record r) {
    boolean candidate = r.get(MEETING_PARTICIPANT.CANDIDATE_ID) != null;
    return new Participant(
        r.get(MEETING_PARTICIPANT.ID),
        r.get(MEETING_PARTICIPANT.MEETING_ID),
        r.get(MEETING_PARTICIPANT.CANDIDATE_ID),
        candidate ? r.get(CANDIDATE.FIRST_NAME) : r.get(MEETING_PARTICIPANT.FIRST_NAME),
        candidate ? r.get(CANDIDATE.LAST_NAME) : r.get(MEETING_PARTICIPANT.LAST_NAME),
        r.get(MEETING_PARTICIPANT.ORGANISATION),
        ParticipantRole.valueOf(r.get(MEETING_PARTICIPANT.ROLE)),
        ParticipantStatus.valueOf(r.get(MEETING_PARTICIPANT.STATUS)),
        r.get(MEETING_PARTICIPANT.INVITED_AT),
        candidate ? r.get(CANDIDATE.PHONE) : null,
        candidate ? r.get(CANDIDATE.EMAIL) : null,
        fr.passerelle.db.EditLocks.version(r, MEETING_PARTICIPANT));
  }

  /** Candidate counts per meeting, by status. */
  static Map<UUID, MeetingCounts> counts(DSLContext ctx, Collection<UUID> meetingIds) {
    Map<UUID, int[]> raw = new HashMap<>();
    if (!meetingIds.isEmpty()) {
      ctx.select(MEETING_PARTICIPANT.MEETING_ID, MEETING_PARTICIPANT.STATUS, DSL.count())
          .from(MEETING_PARTICIPANT)
          .join(CANDIDATE)
          .on(CANDIDATE.ID.eq(MEETING_PARTICIPANT.CANDIDATE_ID).and(CANDIDATE.DELETED.isFalse()))
          .where(
              InLists.in(MEETING_PARTICIPANT.MEETING_ID, meetingIds)
                  .and(MEETING_PARTICIPANT.DELETED.isFalse())
                  .and(MEETING_PARTICIPANT.ROLE.eq(ParticipantRole.CANDIDATE.name())))
          .groupBy(MEETING_PARTICIPANT.MEETING_ID, MEETING_PARTICIPANT.STATUS)
          .forEach(
              r ->
                  raw.computeIfAbsent(r.value1(), k -> new int[ParticipantStatus.values().length])[
                          ParticipantStatus.valueOf(r.value2()).ordinal()] =
                      r.value3());
    }
    Map<UUID, MeetingCounts> out = new HashMap<>();
    for (UUID id : meetingIds) {
      int[] n = raw.get(id);
      out.put(id, n == null ? MeetingCounts.NONE : MeetingCounts.fromStatusCounts(n));
    }
    return out;
  }

  static Meeting toMeeting(MeetingRecord r, List<Partner> partners) {
    return new Meeting(
        r.getId(),
        r.getOfficeId(),
        r.getCoOfficeId(),
        r.getKind() == null ? null : MeetingKind.valueOf(r.getKind()),
        r.getTitle(),
        r.getStartsAt(),
        r.getEndsAt(),
        r.getPlace(),
        r.getRoom(),
        r.getRemoteLink(),
        r.getCapacity(),
        r.getRomeCode(),
        r.getOfferId(),
        r.getStatus() == null ? MeetingStatus.PLANNED : MeetingStatus.valueOf(r.getStatus()),
        r.getNotes(),
        List.copyOf(partners),
        fr.passerelle.db.EditLocks.version(r, MEETING));
  }

  /** Open sourcing lists with their number of active entries. */
  static List<SourcingListRef> openSourcingLists(DSLContext ctx) {
    var active =
        DSL.count(SOURCING_ENTRY.ID)
            .filterWhere(
                SOURCING_ENTRY
                    .DELETED
                    .isFalse()
                    .and(
                        SOURCING_ENTRY
                            .STATUS
                            .notIn("DECLINED", "WITHDRAWN")
                            .or(SOURCING_ENTRY.STATUS.isNull())));
    return ctx.select(SOURCING_LIST.ID, SOURCING_LIST.NAME, active)
        .from(SOURCING_LIST)
        .leftJoin(SOURCING_ENTRY)
        .on(SOURCING_ENTRY.LIST_ID.eq(SOURCING_LIST.ID))
        .where(SOURCING_LIST.DELETED.isFalse().and(SOURCING_LIST.CLOSED_ON.isNull()))
        .groupBy(SOURCING_LIST.ID, SOURCING_LIST.NAME)
        .orderBy(SOURCING_LIST.NAME)
        .fetch(r -> new SourcingListRef(r.value1(), r.value2(), r.value3()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
