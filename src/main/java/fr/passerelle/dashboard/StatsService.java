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
import fr.passerelle.db.Snapshots;
import fr.passerelle.db.WallClock;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Row counts and the partnership's indicators. Definitions: docs/training-and-dashboard.md; the
 * dashboard, its CSV/PDF exports and {@code stats --json} all read {@link #indicators}. The offer
 * figures and the pool come from one pass each over narrow indexes ({@link OfferSnapshot}, {@link
 * PoolCounts}), kept until the offers or the candidates change (ADR 0076); the rest are SQL
 * aggregates over small tables or index ranges.
 */
public final class StatsService {
  /**
   * The figures of which a rise is bad news (shown in red): more offers hard to fill. Every other
   * figure counts activity, and a rise is good news.
   */
  public static final java.util.Set<String> LOWER_IS_BETTER = java.util.Set.of("offers.hardToFill");

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
  private final Access access;
  private final java.util.function.Supplier<HardToFillAges> hardToFill;
  private final java.util.function.BooleanSupplier hardToFillReady;
  private OfferSnapshot offers;
  private volatile PoolCounts pool;

  /**
   * {@code hardToFill} gives the offers' hard-to-fill rules with today's facts (offers/
   * HardToFillService, ADR 0174), asked once per {@link #indicators} call; {@code hardToFillReady}
   * says whether asking it now is quick (its facts already read for the current data), which {@link
   * #firstIndicators} needs to know.
   */
  public StatsService(
      DSLContext dsl,
      WallClock clock,
      Access access,
      java.util.function.Supplier<HardToFillAges> hardToFill,
      java.util.function.BooleanSupplier hardToFillReady) {
    this.dsl = dsl;
    this.clock = clock;
    this.access = access;
    this.hardToFill = hardToFill;
    this.hardToFillReady = hardToFillReady;
  }

  /**
   * Checks that the signed-in account may export the dashboard ({@code kind}: PDF report, CSV of a
   * chart) and audits the export to {@code target}.
   */
  public void exporting(String kind, String target) {
    access.require(Permission.DATA_EXPORT);
    access.audit().record(AuditAction.EXPORT, null, target, "DASHBOARD " + kind);
  }

  /** Today in the offices' time zone. */
  public LocalDate today() {
    return clock.today();
  }

  /**
   * Live (not deleted) rows per replicated table. The offers, candidates and criteria are counted
   * by the dashboard's own passes (which {@link #indicators} then reuses); on the other large
   * tables H2 counts them in a narrow index that holds {@code deleted} (V11) instead of reading the
   * rows.
   */
  public Map<String, Integer> rowCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Table<?> t : ReplicatedTables.ALL) {
      int live;
      if (t.equals(JOB_OFFER)) {
        live = offers().live();
      } else if (t.equals(CANDIDATE)) {
        live = pool().liveCandidates();
      } else if (t.equals(CANDIDATE_CRITERION)) {
        live = pool().liveCriteria();
      } else {
        live = dsl.fetchCount(t, ReplicatedTables.col(t, ReplicatedTables.DELETED).isFalse());
      }
      counts.put(t.getName().toLowerCase(Locale.ROOT), live);
    }
    return counts;
  }

  /**
   * Every indicator for {@code asked} and {@code officeId} (null: all offices): a period not over
   * yet is counted up to today and compared with the same days of the period before ({@link
   * Period#asOf}).
   */
  public Indicators indicators(Period asked, UUID officeId) {
    access.require(Permission.DASHBOARD_READ);
    return compute(asked, officeId, true);
  }

  /**
   * What the dashboard shows first (ADR 0209): every indicator if they are all quick to count now;
   * otherwise those that need no pass over the whole candidate pool — the offers by source, the
   * meetings, the reconversions — and not the lists', the pool's and the hard-to-fill ones ({@link
   * Indicators#complete} false), which {@link #indicators} then gives. After a start on a
   * region-scale file the pool's passes take seconds; the rest is there at once.
   */
  public Indicators firstIndicators(Period asked, UUID officeId) {
    access.require(Permission.DASHBOARD_READ);
    return compute(asked, officeId, poolCurrent() && hardToFillReady.getAsBoolean());
  }

  /** True when the kept pool counts are those of the current candidates and criteria. */
  private boolean poolCurrent() {
    PoolCounts p = pool;
    return p != null && p.key().equals(Snapshots.version(dsl, CANDIDATE, CANDIDATE_CRITERION));
  }

  private Indicators compute(Period asked, UUID officeId, boolean all) {
    LocalDate today = clock.today();
    Period.Comparison c = asked.asOf(today);
    Period period = c.current();
    Period prev = c.previous();
    Map<String, Figure> f = new LinkedHashMap<>();
    OfferSnapshot.Figures offers =
        offers().count(period, prev, officeId, today, all ? hardToFill.get() : null);
    f.put("offers.franceTravail", fig(offers.franceTravail(), offers.franceTravailBefore()));
    f.put("offers.tempAgency", fig(offers.tempAgency(), offers.tempAgencyBefore()));
    if (all) {
      f.put("offers.hardToFill", fig(offers.hardToFill(), offers.hardToFillBefore()));
      long[] lists = sourcing(period, officeId);
      long[] listsPrev = sourcing(prev, officeId);
      f.put("sourcing.candidates", fig(lists[0], listsPrev[0]));
      f.put("sourcing.priority", fig(lists[1], listsPrev[1]));
      f.put("sourcing.rqth", fig(lists[2], listsPrev[2]));
      long[] pool = pool().of(officeId);
      f.put("pool.candidates", new Figure(pool[0], null));
      f.put("pool.priority", new Figure(pool[1], null));
      f.put("pool.rqth", new Figure(pool[2], null));
    }
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
    return new Indicators(period, prev, officeId, f, offers.months(), schemes);
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

  // ------------------------------------------------------------------ snapshots

  /** The offers as of now: the kept snapshot, or a new pass if an offer changed since. */
  private synchronized OfferSnapshot offers() {
    String now = Snapshots.version(dsl, JOB_OFFER);
    if (offers == null || !offers.key().equals(now)) {
      offers = null;
      offers = OfferSnapshot.read(dsl, now);
    }
    return offers;
  }

  /** The pool as of now: the kept counts, or a new pass if a candidate or criterion changed. */
  private synchronized PoolCounts pool() {
    String now = Snapshots.version(dsl, CANDIDATE, CANDIDATE_CRITERION);
    if (pool == null || !pool.key().equals(now)) {
      pool = null;
      pool = PoolCounts.read(dsl, now);
    }
    return pool;
  }

  // ------------------------------------------------------------------ candidates

  /**
   * [candidates, with a priority criterion, with RQTH] added to a live list in the period: the
   * distinct candidates of the period's live entries (a range of the covering index {@code
   * sourcing_entry_dashboard}) whose list is live (and the office's), looked up among the live
   * candidates of {@link PoolCounts}.
   */
  long[] sourcing(Period p, UUID officeId) {
    List<UUID> inLists =
        dsl.selectDistinct(SOURCING_ENTRY.CANDIDATE_ID)
            .from(SOURCING_ENTRY)
            .where(SOURCING_ENTRY.ADDED_ON.between(p.from(), p.to()))
            .and(SOURCING_ENTRY.DELETED.isFalse())
            .andExists(
                DSL.selectOne()
                    .from(SOURCING_LIST)
                    .where(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID))
                    .and(SOURCING_LIST.DELETED.isFalse())
                    .and(
                        officeId == null
                            ? DSL.noCondition()
                            : SOURCING_LIST.OFFICE_ID.eq(officeId)))
            .fetch(SOURCING_ENTRY.CANDIDATE_ID);
    return pool().among(inLists);
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
