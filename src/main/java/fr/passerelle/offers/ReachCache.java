package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Keeps the {@link ReachIndex} until candidate data changes: the key is the highest local change
 * sequence of {@code candidate} and {@code candidate_occupation} (two indexed MAX lookups).
 */
public final class ReachCache {
  private final DSLContext dsl;
  private final CommuneGeo geo;
  private ReachIndex index;
  private String key;

  public ReachCache(DSLContext dsl, CommuneGeo geo) {
    this.dsl = dsl;
    this.geo = geo;
  }

  public synchronized ReachIndex get() {
    String now =
        dsl.select(DSL.max(CANDIDATE.CHANGE_SEQ)).from(CANDIDATE).fetchOne(0, String.class)
            + "/"
            + dsl.select(DSL.max(CANDIDATE_OCCUPATION.CHANGE_SEQ))
                .from(CANDIDATE_OCCUPATION)
                .fetchOne(0, String.class);
    if (index == null || !now.equals(key)) {
      index = ReachIndex.build(dsl, geo);
      key = now;
    }
    return index;
  }
}
