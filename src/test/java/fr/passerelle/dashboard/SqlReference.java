package fr.passerelle.dashboard;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The offer and pool figures as the SQL aggregates the dashboard used before its one-pass reads
 * (ADR 0076), one query per figure: the reference the passes of {@link OfferSnapshot} and {@link
 * PoolCounts} are checked against on generated data.
 */
final class SqlReference {
  private final DSLContext dsl;

  SqlReference(DSLContext dsl) {
    this.dsl = dsl;
  }

  private static Condition office(Field<UUID> f, UUID officeId) {
    return officeId == null ? DSL.noCondition() : f.eq(officeId);
  }

  long opened(LocalDate from, LocalDate to, UUID officeId, String source) {
    return dsl.fetchCount(
        JOB_OFFER,
        JOB_OFFER
            .DELETED
            .isFalse()
            .and(JOB_OFFER.SOURCE.eq(source))
            .and(JOB_OFFER.OPENED_ON.between(from, to))
            .and(office(JOB_OFFER.OFFICE_ID, officeId)));
  }

  /**
   * Live offers open on {@code day} whose age then reaches the one from which the offers' rules
   * (today's facts, {@code ages}) say they are hard to fill: asked offer by offer.
   */
  long hardToFillOn(LocalDate day, UUID officeId, HardToFillAges ages) {
    Field<LocalDate> d = DSL.val(day);
    Condition open =
        JOB_OFFER.OPENED_ON.le(d).and(JOB_OFFER.CLOSED_ON.isNull().or(JOB_OFFER.CLOSED_ON.gt(d)));
    return dsl
        .select(
            JOB_OFFER.OPENED_ON,
            JOB_OFFER.ROME_CODE,
            JOB_OFFER.COMMUNE_CODE,
            JOB_OFFER.HARD_TO_FILL_OVERRIDE)
        .from(JOB_OFFER)
        .where(JOB_OFFER.DELETED.isFalse())
        .and(open)
        .and(office(JOB_OFFER.OFFICE_ID, officeId))
        .fetch()
        .stream()
        .filter(
            r ->
                java.time.temporal.ChronoUnit.DAYS.between(r.value1(), day)
                    >= ages.flaggedFromAge(r.value2(), r.value3(), r.value4()))
        .count();
  }

  /** [live candidates not INACTIVE, with a live criterion, with a live RQTH] of the office. */
  long[] pool(UUID officeId) {
    Condition pool =
        CANDIDATE
            .DELETED
            .isFalse()
            .and(CANDIDATE.STATUS.isNull().or(CANDIDATE.STATUS.ne("INACTIVE")))
            .and(office(CANDIDATE.OFFICE_ID, officeId));
    Condition anyCriterion =
        DSL.exists(
            DSL.selectOne()
                .from(CANDIDATE_CRITERION)
                .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(CANDIDATE.ID))
                .and(CANDIDATE_CRITERION.DELETED.isFalse()));
    Condition rqth =
        DSL.exists(
            DSL.selectOne()
                .from(CANDIDATE_CRITERION)
                .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(CANDIDATE.ID))
                .and(CANDIDATE_CRITERION.DELETED.isFalse())
                .and(CANDIDATE_CRITERION.CRITERION.eq("RQTH")));
    return new long[] {
      dsl.fetchCount(CANDIDATE, pool),
      dsl.fetchCount(CANDIDATE, pool.and(anyCriterion)),
      dsl.fetchCount(CANDIDATE, pool.and(rqth))
    };
  }

  /** [candidates, with a live criterion, with a live RQTH] added to a live list in the period. */
  long[] sourcing(LocalDate from, LocalDate to, UUID officeId) {
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
            .and(SOURCING_ENTRY.ADDED_ON.between(from, to))
            .and(office(SOURCING_LIST.OFFICE_ID, officeId))
            .asTable("c");
    Field<UUID> id = inLists.field(0, UUID.class);
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
            .from(inLists)
            .leftJoin(anyCrit)
            .on(k.eq(id))
            .leftJoin(rqth)
            .on(r.eq(id))
            .fetchSingle();
    return new long[] {row.value1(), row.value2(), row.value3()};
  }
}
