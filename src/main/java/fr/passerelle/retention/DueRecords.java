package fr.passerelle.retention;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.HLC;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.db.Hlc;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * What is due for erasure on a given day under the rules: the queries behind a purge proposal
 * (docs/retention.md says what each kind counts from). A record is due on the day its reference
 * date plus the rule's months is reached ({@code referenceOn.plusMonths(months) <= today}). A
 * person due as inactive is erased whole: their other records are not listed again.
 */
final class DueRecords {
  private final DSLContext ctx;
  private final ZoneId zone;
  private final LocalDate today;

  DueRecords(DSLContext ctx, ZoneId zone, LocalDate today) {
    this.ctx = ctx;
    this.zone = zone;
    this.today = today;
  }

  /** Every record due under {@code months} (per kind), persons first. */
  List<DueItem> due(Map<RecordKind, Integer> months) {
    List<DueItem> out =
        new ArrayList<>(inactiveCandidates(months.get(RecordKind.CANDIDATE_INACTIVE)));
    Set<UUID> whole = new HashSet<>();
    out.forEach(i -> whole.add(i.personId()));
    List<DueItem> rest = new ArrayList<>();
    rest.addAll(attendance(months.get(RecordKind.MEETING_ATTENDANCE)));
    rest.addAll(trainingPaths(months.get(RecordKind.TRAINING_PATH)));
    rest.addAll(sourcingEntries(months.get(RecordKind.SOURCING_ENTRY)));
    rest.removeIf(i -> i.personId() != null && whole.contains(i.personId()));
    rest.sort(
        Comparator.comparing(DueItem::kind)
            .thenComparing(DueItem::referenceOn)
            .thenComparing(DueItem::rowId));
    out.addAll(rest);
    return out;
  }

  private LocalDate day(long hlc) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(Hlc.physicalMillis(hlc)), zone);
  }

  private DueItem item(RecordKind k, Table<?> t, UUID row, UUID person, LocalDate ref, int months) {
    LocalDate dueOn = ref.plusMonths(months);
    return dueOn.isAfter(today)
        ? null
        : new DueItem(k, t.getName().toLowerCase(), row, person, ref, dueOn);
  }

  private static void later(Map<UUID, LocalDate> last, UUID person, LocalDate d) {
    if (person != null && d != null) {
      last.merge(person, d, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /**
   * Candidates whose last activity is {@code months} old or more: the latest of their registration,
   * every write to a row about them here (their file, consent, criteria, occupations, list entries,
   * participations, training paths and steps — whichever office made it), the meetings they were
   * invited to and their training's end and outcome.
   */
  private List<DueItem> inactiveCandidates(int months) {
    Map<UUID, LocalDate> last = new HashMap<>();
    lastWrite(last, CANDIDATE, CANDIDATE.ID);
    lastWrite(last, CANDIDATE_CONSENT, CANDIDATE_CONSENT.ID);
    lastWrite(last, CANDIDATE_CRITERION, CANDIDATE_CRITERION.CANDIDATE_ID);
    lastWrite(last, CANDIDATE_OCCUPATION, CANDIDATE_OCCUPATION.CANDIDATE_ID);
    lastWrite(last, SOURCING_ENTRY, SOURCING_ENTRY.CANDIDATE_ID);
    lastWrite(last, MEETING_PARTICIPANT, MEETING_PARTICIPANT.CANDIDATE_ID);
    lastWrite(last, TRAINING_PATH, TRAINING_PATH.CANDIDATE_ID);
    ctx.select(TRAINING_PATH.CANDIDATE_ID, org.jooq.impl.DSL.max(TRAINING_EVENT.HLC))
        .from(TRAINING_EVENT)
        .join(TRAINING_PATH)
        .on(TRAINING_PATH.ID.eq(TRAINING_EVENT.PATH_ID))
        .where(TRAINING_EVENT.DELETED.isFalse())
        .groupBy(TRAINING_PATH.CANDIDATE_ID)
        .forEach(r -> later(last, r.value1(), r.value2() == null ? null : day(r.value2())));
    ctx.select(MEETING_PARTICIPANT.CANDIDATE_ID, org.jooq.impl.DSL.max(MEETING.STARTS_AT))
        .from(MEETING_PARTICIPANT)
        .join(MEETING)
        .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
        .where(MEETING_PARTICIPANT.DELETED.isFalse())
        .groupBy(MEETING_PARTICIPANT.CANDIDATE_ID)
        .forEach(
            r -> later(last, r.value1(), r.value2() == null ? null : r.value2().toLocalDate()));
    ctx.select(
            TRAINING_PATH.CANDIDATE_ID,
            org.jooq.impl.DSL.max(TRAINING_PATH.ENDS_ON),
            org.jooq.impl.DSL.max(TRAINING_PATH.OUTCOME_ON))
        .from(TRAINING_PATH)
        .where(TRAINING_PATH.DELETED.isFalse())
        .groupBy(TRAINING_PATH.CANDIDATE_ID)
        .forEach(
            r -> {
              later(last, r.value1(), r.value2());
              later(last, r.value1(), r.value3());
            });
    List<DueItem> out = new ArrayList<>();
    ctx.select(CANDIDATE.ID, CANDIDATE.REGISTERED_ON)
        .from(CANDIDATE)
        .where(CANDIDATE.DELETED.isFalse())
        .forEach(
            r -> {
              later(last, r.value1(), r.value2());
              DueItem i =
                  item(
                      RecordKind.CANDIDATE_INACTIVE,
                      CANDIDATE,
                      r.value1(),
                      r.value1(),
                      last.get(r.value1()),
                      months);
              if (i != null) {
                out.add(i);
              }
            });
    out.sort(Comparator.comparing(DueItem::referenceOn).thenComparing(DueItem::rowId));
    return out;
  }

  private void lastWrite(Map<UUID, LocalDate> last, Table<?> t, Field<UUID> person) {
    ctx.select(person, org.jooq.impl.DSL.max(col(t, HLC)))
        .from(t)
        .where(col(t, DELETED).isFalse())
        .groupBy(person)
        .forEach(r -> later(last, r.value1(), r.value2() == null ? null : day(r.value2())));
  }

  /** Participants (candidates or not) of meetings that started {@code months} ago or more. */
  private List<DueItem> attendance(int months) {
    List<DueItem> out = new ArrayList<>();
    ctx.select(MEETING_PARTICIPANT.ID, MEETING_PARTICIPANT.CANDIDATE_ID, MEETING.STARTS_AT)
        .from(MEETING_PARTICIPANT)
        .join(MEETING)
        .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
        .where(MEETING_PARTICIPANT.DELETED.isFalse())
        .and(MEETING.STARTS_AT.le(today.minusMonths(months).plusDays(4).atStartOfDay()))
        .forEach(
            r -> {
              DueItem i =
                  item(
                      RecordKind.MEETING_ATTENDANCE,
                      MEETING_PARTICIPANT,
                      r.value1(),
                      r.value2(),
                      r.value3().toLocalDate(),
                      months);
              if (i != null) {
                out.add(i);
              }
            });
    return out;
  }

  /**
   * Training paths {@code months} after their six-month outcome: its date when recorded, else the
   * training's end plus six months; a path with neither is never due by this rule.
   */
  private List<DueItem> trainingPaths(int months) {
    List<DueItem> out = new ArrayList<>();
    ctx.select(
            TRAINING_PATH.ID,
            TRAINING_PATH.CANDIDATE_ID,
            TRAINING_PATH.OUTCOME_ON,
            TRAINING_PATH.ENDS_ON)
        .from(TRAINING_PATH)
        .where(TRAINING_PATH.DELETED.isFalse())
        .and(TRAINING_PATH.OUTCOME_ON.isNotNull().or(TRAINING_PATH.ENDS_ON.isNotNull()))
        .forEach(
            r -> {
              LocalDate ref = r.value3() != null ? r.value3() : r.value4().plusMonths(6);
              DueItem i =
                  item(
                      RecordKind.TRAINING_PATH, TRAINING_PATH, r.value1(), r.value2(), ref, months);
              if (i != null) {
                out.add(i);
              }
            });
    return out;
  }

  /** List entries {@code months} after the later of their last change and their list's closing. */
  private List<DueItem> sourcingEntries(int months) {
    List<DueItem> out = new ArrayList<>();
    ctx.select(
            SOURCING_ENTRY.ID,
            SOURCING_ENTRY.CANDIDATE_ID,
            SOURCING_ENTRY.HLC,
            SOURCING_LIST.CLOSED_ON)
        .from(SOURCING_ENTRY)
        .leftJoin(SOURCING_LIST)
        .on(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID))
        .where(SOURCING_ENTRY.DELETED.isFalse())
        .forEach(
            r -> {
              LocalDate ref = day(r.value3());
              if (r.value4() != null && r.value4().isAfter(ref)) {
                ref = r.value4();
              }
              DueItem i =
                  item(
                      RecordKind.SOURCING_ENTRY,
                      SOURCING_ENTRY,
                      r.value1(),
                      r.value2(),
                      ref,
                      months);
              if (i != null) {
                out.add(i);
              }
            });
    return out;
  }
}
