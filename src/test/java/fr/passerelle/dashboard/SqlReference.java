package fr.passerelle.dashboard;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;

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

  long hardToFillOn(LocalDate day, UUID officeId) {
    Field<LocalDate> d = DSL.val(day);
    Condition open =
        JOB_OFFER.OPENED_ON.le(d).and(JOB_OFFER.CLOSED_ON.isNull().or(JOB_OFFER.CLOSED_ON.gt(d)));
    Condition old =
        JOB_OFFER
            .OPENED_ON
            .le(DSL.localDateSub(d, DSL.inline(StatsService.HARD_TO_FILL_DAYS)))
            .and(
                JOB_OFFER
                    .HARD_TO_FILL_OVERRIDE
                    .isNull()
                    .or(JOB_OFFER.HARD_TO_FILL_OVERRIDE.ne("NO")));
    return dsl.fetchCount(
        JOB_OFFER,
        JOB_OFFER
            .DELETED
            .isFalse()
            .and(open)
            .and(old.or(JOB_OFFER.HARD_TO_FILL_OVERRIDE.eq("YES")))
            .and(office(JOB_OFFER.OFFICE_ID, officeId)));
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
}
