package fr.passerelle.dashboard;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static fr.passerelle.db.jooq.Tables.TRAINING_EVENT;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.WallClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Row counts and the partnership's indicators, each one SQL aggregate (no rows loaded into memory).
 * Definitions: docs/training-and-dashboard.md; the dashboard, its CSV/PDF exports and {@code stats
 * --json} all read {@link #indicators}.
 */
public final class StatsService {
  /** An open offer older than this is hard to fill (unless marked otherwise). */
  public static final int HARD_TO_FILL_DAYS = 60;

  /** Months in the offers' trend chart. */
  public static final int TREND_MONTHS = 12;

  public static final List<String> FIGURE_KEYS =
      List.of(
          "offers.franceTravail",
          "offers.tempAgency",
          "offers.hardToFill",
          "sourcing.candidates",
          "sourcing.priority",
          "sourcing.rqth",
          "pool.candidates",
          "pool.priority",
          "pool.rqth",
          "meetings.held",
          "meetings.registered",
          "meetings.present",
          "training.started",
          "training.completed",
          "training.employedSixMonths");

  private static final List<String> STARTED = List.of("IN_TRAINING", "COMPLETED", "EMPLOYED");
  private static final List<String> DONE = List.of("COMPLETED", "EMPLOYED");
  private static final List<String> EMPLOYED = List.of("EMPLOYED_TARGET", "EMPLOYED_OTHER");

  private final DSLContext dsl;
  private final WallClock clock;

  public StatsService(DSLContext dsl) {
    this(dsl, WallClock.system());
  }

  public StatsService(DSLContext dsl, WallClock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** Today in the offices' time zone. */
  public LocalDate today() {
    return java.time.Instant.ofEpochMilli(clock.millis())
        .atZone(java.time.ZoneId.of("Europe/Paris"))
        .toLocalDate();
  }

  /** Live (not deleted) rows per replicated table. */
  public Map<String, Integer> rowCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Table<?> t : ReplicatedTables.ALL) {
      counts.put(
          t.getName().toLowerCase(Locale.ROOT),
          dsl.fetchCount(t, ReplicatedTables.col(t, ReplicatedTables.DELETED).isFalse()));
    }
    return counts;
  }

  /** Every indicator for {@code period} and {@code officeId} (null: all offices). */
  public Indicators indicators(Period period, UUID officeId) {
    Period prev = period.previous();
    Map<String, Figure> f = new LinkedHashMap<>();
    f.put(
        "offers.franceTravail",
        fig(
            offersOpened(period, officeId, "FRANCE_TRAVAIL"),
            offersOpened(prev, officeId, "FRANCE_TRAVAIL")));
    f.put(
        "offers.tempAgency",
        fig(
            offersOpened(period, officeId, "TEMP_AGENCY"),
            offersOpened(prev, officeId, "TEMP_AGENCY")));
    f.put(
        "offers.hardToFill",
        fig(hardToFillOpenOn(period.to(), officeId), hardToFillOpenOn(prev.to(), officeId)));
    long[] lists = sourcing(period, officeId);
    long[] listsPrev = sourcing(prev, officeId);
    f.put("sourcing.candidates", fig(lists[0], listsPrev[0]));
    f.put("sourcing.priority", fig(lists[1], listsPrev[1]));
    f.put("sourcing.rqth", fig(lists[2], listsPrev[2]));
    long[] pool = pool(officeId);
    f.put("pool.candidates", new Figure(pool[0], null));
    f.put("pool.priority", new Figure(pool[1], null));
    f.put("pool.rqth", new Figure(pool[2], null));
    long[] meet = meetings(period, officeId);
    long[] meetPrev = meetings(prev, officeId);
    f.put("meetings.held", fig(meet[0], meetPrev[0]));
    f.put("meetings.registered", fig(meet[1], meetPrev[1]));
    f.put("meetings.present", fig(meet[2], meetPrev[2]));
    List<SchemeRow> schemes = trainingByScheme(period, officeId);
    List<SchemeRow> schemesPrev = trainingByScheme(prev, officeId);
    f.put("training.started", fig(sum(schemes, 0), sum(schemesPrev, 0)));
    f.put("training.completed", fig(sum(schemes, 1), sum(schemesPrev, 1)));
    f.put("training.employedSixMonths", fig(sum(schemes, 2), sum(schemesPrev, 2)));
    return new Indicators(period, officeId, f, offersByMonth(period.to(), officeId), schemes);
  }

  private static Figure fig(long v, long p) {
    return new Figure(v, p);
  }

  private static long sum(List<SchemeRow> rows, int which) {
    return rows.stream()
        .mapToLong(
            r -> which == 0 ? r.started() : which == 1 ? r.completed() : r.employedSixMonths())
        .sum();
  }

  // ------------------------------------------------------------------ offers

  private Condition offerOffice(UUID officeId) {
    return officeId == null ? DSL.trueCondition() : JOB_OFFER.OFFICE_ID.eq(officeId);
  }

  long offersOpened(Period p, UUID officeId, String source) {
    return dsl.fetchCount(
        JOB_OFFER,
        JOB_OFFER
            .DELETED
            .isFalse()
            .and(JOB_OFFER.SOURCE.eq(source))
            .and(JOB_OFFER.OPENED_ON.between(p.from(), p.to()))
            .and(offerOffice(officeId)));
  }

  /**
   * The per-offer hard-to-fill rule of the dashboard, as a condition on offers open on {@code d}.
   */
  static Condition hardToFillOn(Field<LocalDate> d) {
    Condition open =
        JOB_OFFER.OPENED_ON.le(d).and(JOB_OFFER.CLOSED_ON.isNull().or(JOB_OFFER.CLOSED_ON.gt(d)));
    Condition old =
        JOB_OFFER
            .OPENED_ON
            .le(DSL.localDateSub(d, DSL.inline(HARD_TO_FILL_DAYS)))
            .and(
                JOB_OFFER
                    .HARD_TO_FILL_OVERRIDE
                    .isNull()
                    .or(JOB_OFFER.HARD_TO_FILL_OVERRIDE.ne("NO")));
    return JOB_OFFER
        .DELETED
        .isFalse()
        .and(open)
        .and(old.or(JOB_OFFER.HARD_TO_FILL_OVERRIDE.eq("YES")));
  }

  long hardToFillOpenOn(LocalDate d, UUID officeId) {
    return dsl.fetchCount(JOB_OFFER, hardToFillOn(DSL.val(d)).and(offerOffice(officeId)));
  }

  /** The {@value #TREND_MONTHS} months ending with the month of {@code end}. */
  List<MonthPoint> offersByMonth(LocalDate end, UUID officeId) {
    YearMonth last = YearMonth.from(end);
    YearMonth first = last.minusMonths(TREND_MONTHS - 1);
    Field<Integer> ym =
        DSL.year(JOB_OFFER.OPENED_ON).mul(DSL.inline(100)).plus(DSL.month(JOB_OFFER.OPENED_ON));
    Map<Integer, long[]> opened = new LinkedHashMap<>();
    for (Record3<Integer, String, Integer> r :
        dsl.select(ym, JOB_OFFER.SOURCE, DSL.count())
            .from(JOB_OFFER)
            .where(JOB_OFFER.DELETED.isFalse())
            .and(JOB_OFFER.OPENED_ON.between(first.atDay(1), last.atEndOfMonth()))
            .and(offerOffice(officeId))
            .groupBy(ym, JOB_OFFER.SOURCE)
            .fetch()) {
      long[] v = opened.computeIfAbsent(r.value1(), k -> new long[2]);
      if ("FRANCE_TRAVAIL".equals(r.value2())) {
        v[0] += r.value3();
      } else if ("TEMP_AGENCY".equals(r.value2())) {
        v[1] += r.value3();
      }
    }
    // hard to fill at each month's end: one query over a VALUES table of month ends
    List<LocalDate> ends = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      ends.add(m.atEndOfMonth());
    }
    var monthEnds =
        DSL.values(ends.stream().map(DSL::row).toArray(org.jooq.Row1[]::new)).as("m", "d");
    Field<LocalDate> d = DSL.field(DSL.name("m", "d"), LocalDate.class);
    Map<LocalDate, Integer> hard =
        dsl.select(d, DSL.count())
            .from(monthEnds)
            .join(JOB_OFFER)
            .on(hardToFillOn(d).and(offerOffice(officeId)))
            .groupBy(d)
            .fetchMap(d, DSL.count());
    List<MonthPoint> points = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      long[] v = opened.getOrDefault(m.getYear() * 100 + m.getMonthValue(), new long[2]);
      points.add(new MonthPoint(m, v[0], v[1], hard.getOrDefault(m.atEndOfMonth(), 0)));
    }
    return points;
  }

  // ------------------------------------------------------------------ candidates

  /** [candidates, with a priority criterion, with RQTH] added to a live list in the period. */
  long[] sourcing(Period p, UUID officeId) {
    var inLists =
        DSL.selectDistinct(SOURCING_ENTRY.CANDIDATE_ID)
            .from(SOURCING_ENTRY)
            .join(SOURCING_LIST)
            .on(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID))
            .join(CANDIDATE)
            .on(CANDIDATE.ID.eq(SOURCING_ENTRY.CANDIDATE_ID))
            .where(SOURCING_ENTRY.DELETED.isFalse())
            .and(SOURCING_LIST.DELETED.isFalse())
            .and(CANDIDATE.DELETED.isFalse())
            .and(SOURCING_ENTRY.ADDED_ON.between(p.from(), p.to()))
            .and(officeId == null ? DSL.trueCondition() : SOURCING_LIST.OFFICE_ID.eq(officeId));
    return criteriaCounts(inLists.asTable("c"));
  }

  /** [live candidates not INACTIVE, with a priority criterion, with RQTH], of the office. */
  long[] pool(UUID officeId) {
    var pool =
        DSL.select(CANDIDATE.ID.as("candidate_id"))
            .from(CANDIDATE)
            .where(CANDIDATE.DELETED.isFalse())
            .and(CANDIDATE.STATUS.isNull().or(CANDIDATE.STATUS.ne("INACTIVE")))
            .and(officeId == null ? DSL.trueCondition() : CANDIDATE.OFFICE_ID.eq(officeId));
    return criteriaCounts(pool.asTable("c"));
  }

  private long[] criteriaCounts(Table<?> people) {
    Field<UUID> id = people.field(0, UUID.class);
    var anyCrit =
        DSL.selectDistinct(CANDIDATE_CRITERION.CANDIDATE_ID)
            .from(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.DELETED.isFalse())
            .asTable("k");
    var rqth =
        DSL.selectDistinct(CANDIDATE_CRITERION.CANDIDATE_ID)
            .from(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.DELETED.isFalse())
            .and(CANDIDATE_CRITERION.CRITERION.eq("RQTH"))
            .asTable("r");
    Field<UUID> k = anyCrit.field(0, UUID.class);
    Field<UUID> r = rqth.field(0, UUID.class);
    var row =
        dsl.select(DSL.count(), DSL.count(k), DSL.count(r))
            .from(people)
            .leftJoin(anyCrit)
            .on(k.eq(id))
            .leftJoin(rqth)
            .on(r.eq(id))
            .fetchSingle();
    return new long[] {row.value1(), row.value2(), row.value3()};
  }

  // ------------------------------------------------------------------ meetings

  /** [meetings held, candidates registered (not waitlisted), candidates present]. */
  long[] meetings(Period p, UUID officeId) {
    Condition held =
        MEETING
            .DELETED
            .isFalse()
            .and(MEETING.STATUS.eq("HELD"))
            .and(MEETING.STARTS_AT.ge(p.from().atStartOfDay()))
            .and(MEETING.STARTS_AT.lt(p.to().plusDays(1).atStartOfDay()))
            .and(
                officeId == null
                    ? DSL.trueCondition()
                    : MEETING.OFFICE_ID.eq(officeId).or(MEETING.CO_OFFICE_ID.eq(officeId)));
    long count = dsl.fetchCount(MEETING, held);
    var row =
        dsl.select(DSL.count(), DSL.count().filterWhere(MEETING_PARTICIPANT.STATUS.eq("PRESENT")))
            .from(MEETING_PARTICIPANT)
            .join(MEETING)
            .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
            .where(held)
            .and(MEETING_PARTICIPANT.DELETED.isFalse())
            .and(MEETING_PARTICIPANT.ROLE.eq("CANDIDATE"))
            .and(MEETING_PARTICIPANT.STATUS.ne("WAITLISTED"))
            .fetchSingle();
    return new long[] {count, row.value1(), row.value2()};
  }

  // ------------------------------------------------------------------ reconversions

  private static Condition reached(List<String> statuses) {
    return TRAINING_PATH
        .STATUS
        .in(statuses)
        .orExists(
            DSL.selectOne()
                .from(TRAINING_EVENT)
                .where(TRAINING_EVENT.PATH_ID.eq(TRAINING_PATH.ID))
                .and(TRAINING_EVENT.DELETED.isFalse())
                .and(TRAINING_EVENT.TO_STATUS.in(statuses)));
  }

  /** Per scheme: started, completed and employed at six months within the period. */
  List<SchemeRow> trainingByScheme(Period p, UUID officeId) {
    Field<String> scheme = DSL.coalesce(TRAINING_PATH.FUNDING_SCHEME, DSL.inline("NONE"));
    Field<Integer> started =
        DSL.count()
            .filterWhere(TRAINING_PATH.STARTS_ON.between(p.from(), p.to()).and(reached(STARTED)));
    Field<Integer> completed =
        DSL.count().filterWhere(TRAINING_PATH.ENDS_ON.between(p.from(), p.to()).and(reached(DONE)));
    Field<Integer> employed =
        DSL.count()
            .filterWhere(
                TRAINING_PATH
                    .OUTCOME
                    .in(EMPLOYED)
                    .and(TRAINING_PATH.OUTCOME_ON.between(p.from(), p.to())));
    return dsl.select(scheme, started, completed, employed)
        .from(TRAINING_PATH)
        .where(TRAINING_PATH.DELETED.isFalse())
        .and(officeId == null ? DSL.trueCondition() : TRAINING_PATH.OFFICE_ID.eq(officeId))
        .and(
            TRAINING_PATH
                .STARTS_ON
                .between(p.from(), p.to())
                .or(TRAINING_PATH.ENDS_ON.between(p.from(), p.to()))
                .or(TRAINING_PATH.OUTCOME_ON.between(p.from(), p.to())))
        .groupBy(scheme)
        .orderBy(scheme)
        .fetch(r -> new SchemeRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }
}
