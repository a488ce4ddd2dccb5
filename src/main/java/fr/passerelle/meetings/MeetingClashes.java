package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;

import fr.passerelle.db.jooq.tables.MeetingParticipant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Warnings on overlapping meetings: a room booked twice, a candidate invited twice. */
final class MeetingClashes {
  private MeetingClashes() {}

  static List<Clash> room(DSLContext ctx, UUID excludeId, MeetingDraft d) {
    if (d.room() == null || d.room().isBlank() || d.startsAt() == null || d.endsAt() == null) {
      return List.of();
    }
    Condition samePlace =
        d.place() == null || d.place().isBlank()
            ? MEETING.PLACE.isNull()
            : DSL.lower(DSL.trim(MEETING.PLACE)).eq(key(d.place()));
    return ctx.selectFrom(MEETING)
        .where(
            overlapping(d)
                .and(samePlace)
                .and(DSL.lower(DSL.trim(MEETING.ROOM)).eq(key(d.room())))
                .and(excludeId == null ? DSL.trueCondition() : MEETING.ID.ne(excludeId)))
        .orderBy(MEETING.STARTS_AT)
        .fetch(m -> new Clash(m.getId(), m.getTitle(), m.getStartsAt(), m.getEndsAt(), ""));
  }

  static List<Clash> invitations(DSLContext ctx, Meeting meeting) {
    MeetingParticipant mine = MEETING_PARTICIPANT.as("mine");
    MeetingParticipant other = MEETING_PARTICIPANT.as("other");
    return ctx.select(
            MEETING.ID,
            MEETING.TITLE,
            MEETING.STARTS_AT,
            MEETING.ENDS_AT,
            CANDIDATE.LAST_NAME,
            CANDIDATE.FIRST_NAME)
        .from(mine)
        .join(other)
        .on(other.CANDIDATE_ID.eq(mine.CANDIDATE_ID).and(other.MEETING_ID.ne(mine.MEETING_ID)))
        .join(MEETING)
        .on(MEETING.ID.eq(other.MEETING_ID))
        .join(CANDIDATE)
        .on(CANDIDATE.ID.eq(mine.CANDIDATE_ID).and(CANDIDATE.DELETED.isFalse()))
        .where(
            mine.MEETING_ID
                .eq(meeting.id())
                .and(mine.DELETED.isFalse())
                .and(other.DELETED.isFalse())
                .and(mine.STATUS.ne(ParticipantStatus.EXCUSED.name()))
                .and(other.STATUS.ne(ParticipantStatus.EXCUSED.name()))
                .and(overlapping(meeting.toDraft())))
        .orderBy(CANDIDATE.NAME_NORM, MEETING.STARTS_AT)
        .fetch(
            r ->
                new Clash(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    (nz(r.value5()).toUpperCase(Locale.FRENCH) + " " + nz(r.value6())).strip()));
  }

  private static Condition overlapping(MeetingDraft d) {
    return MEETING
        .DELETED
        .isFalse()
        .and(MEETING.STATUS.ne(MeetingStatus.CANCELLED.name()))
        .and(MEETING.STARTS_AT.lt(d.endsAt()))
        .and(MEETING.ENDS_AT.gt(d.startsAt()));
  }

  private static String key(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
