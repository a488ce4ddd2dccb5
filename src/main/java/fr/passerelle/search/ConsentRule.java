package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The consent rule of searches as SQL, for the database's answers while the index is not current
 * (the index applies it as a filter): on a partner installation only persons who consented to share
 * are found ({@link SearchService#consentingOnly()}).
 */
public final class ConsentRule {
  private ConsentRule() {}

  /** The person {@code candidateId} consented to share (a live consent row says so). */
  public static Condition consented(Field<UUID> candidateId) {
    return DSL.exists(
        DSL.selectOne()
            .from(CANDIDATE_CONSENT)
            .where(CANDIDATE_CONSENT.ID.eq(candidateId))
            .and(CANDIDATE_CONSENT.DELETED.isFalse())
            .and(CANDIDATE_CONSENT.SHARE.isTrue()));
  }

  /** No condition, or {@link #consented} when only consenting persons may be found. */
  public static Condition applied(Field<UUID> candidateId, boolean consentingOnly) {
    return consentingOnly ? consented(candidateId) : DSL.noCondition();
  }
}
