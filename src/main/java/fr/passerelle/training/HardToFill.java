package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.BMO_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.ROME_BMO_FAMILY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Which occupations count as hard to fill for the reconversion views. The rule lives in {@link
 * #romeCodes} only. (The offers feature computes the per-offer signal with its own reasons; this is
 * the per-occupation summary the training views need, deliberately independent of that code.)
 */
public final class HardToFill {
  /** An open offer older than this many days makes its occupation hard to fill. */
  public static final int OFFER_AGE_DAYS = 60;

  /** A BMO family whose share of difficult recruitment projects reaches this is "high". */
  public static final BigDecimal BMO_HIGH_PCT = new BigDecimal("60.0");

  private HardToFill() {}

  /**
   * ROME codes that are hard to fill on {@code today}: an offer still open (not deleted, not closed
   * on or before today) opened more than {@value #OFFER_AGE_DAYS} days ago and not marked "not hard
   * to fill", or an open offer marked hard to fill; or the BMO family of the occupation's grand
   * domain (latest survey, coarse crosswalk {@code rome_bmo_family}) has at least {@link
   * #BMO_HIGH_PCT} % difficult projects.
   */
  public static Set<String> romeCodes(DSLContext ctx, LocalDate today) {
    Set<String> codes = new HashSet<>();
    var open =
        JOB_OFFER
            .DELETED
            .isFalse()
            .and(JOB_OFFER.ROME_CODE.isNotNull())
            .and(JOB_OFFER.CLOSED_ON.isNull().or(JOB_OFFER.CLOSED_ON.gt(today)));
    var old =
        JOB_OFFER
            .OPENED_ON
            .le(today.minusDays(OFFER_AGE_DAYS))
            .and(
                JOB_OFFER
                    .HARD_TO_FILL_OVERRIDE
                    .isNull()
                    .or(JOB_OFFER.HARD_TO_FILL_OVERRIDE.ne("NO")));
    codes.addAll(
        ctx.selectDistinct(JOB_OFFER.ROME_CODE)
            .from(JOB_OFFER)
            .where(open.and(old.or(JOB_OFFER.HARD_TO_FILL_OVERRIDE.eq("YES"))))
            .fetch(JOB_OFFER.ROME_CODE));
    var latest = DSL.select(DSL.max(BMO_OCCUPATION.SURVEY_YEAR)).from(BMO_OCCUPATION);
    var family = BMO_OCCUPATION.as("f");
    var highFamilies =
        DSL.select(family.FAMILY_CODE)
            .from(family)
            .where(family.SURVEY_YEAR.eq(latest))
            .groupBy(family.FAMILY_CODE)
            .having(
                DSL.sum(family.DIFFICULT_PROJECTS)
                    .mul(100)
                    .ge(DSL.sum(family.PROJECTS).mul(BMO_HIGH_PCT)));
    codes.addAll(
        ctx.select(OCCUPATION.ROME_CODE)
            .from(OCCUPATION)
            .join(ROME_BMO_FAMILY)
            .on(ROME_BMO_FAMILY.GRAND_DOMAIN_CODE.eq(OCCUPATION.GRAND_DOMAIN_CODE))
            .where(ROME_BMO_FAMILY.FAMILY_CODE.in(highFamilies))
            .fetch(OCCUPATION.ROME_CODE));
    return codes;
  }
}
