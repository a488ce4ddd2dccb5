package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import org.jooq.DSLContext;

/**
 * Keeps the {@link CandidatePool} (and the {@link ReachIndex} derived from it) until candidate data
 * changes: the key is the highest local change sequence of {@code candidate}, {@code
 * candidate_occupation} and {@code candidate_criterion} (indexed MAX lookups, one query). A stale
 * pool is rebuilt by the caller, which is always a background task (three table scans: seconds at
 * region scale, ADR 0041).
 */
public final class ReachCache {
  private final DSLContext dsl;
  private final CommuneGeo geo;
  private volatile CandidatePool pool;
  private volatile ReachIndex index;

  public ReachCache(DSLContext dsl, CommuneGeo geo) {
    this.dsl = dsl;
    this.geo = geo;
  }

  /**
   * True when {@link #get} would answer at once: the pool and its index are those of the current
   * data (one indexed query; never waits for a build in progress).
   */
  public boolean current() {
    CandidatePool p = pool;
    ReachIndex i = index;
    return p != null && i != null && i.pool() == p && p.key().equals(version(dsl));
  }

  /** The reach index of the current data. */
  public synchronized ReachIndex get() {
    CandidatePool p = pool();
    if (index == null || index.pool() != p) {
      index = ReachIndex.of(p, geo);
    }
    return index;
  }

  /**
   * The matching pool of each of these ROME codes: {active candidates, of whom with a priority
   * criterion, of whom RQTH}; codes nobody targets are absent. Builds the pool if stale (call from
   * a background task).
   */
  public synchronized java.util.Map<String, int[]> shares(java.util.Collection<String> romes) {
    CandidatePool p = pool();
    java.util.Map<String, int[]> out = new java.util.HashMap<>();
    for (String rome : new java.util.HashSet<>(romes)) {
      if (rome != null && p.romeCodes().contains(rome)) {
        out.put(rome, p.shares(rome));
      }
    }
    return out;
  }

  /** The pool of the current data. */
  synchronized CandidatePool pool() {
    String now = version(dsl);
    if (pool == null || !now.equals(pool.key())) {
      pool = null;
      index = null;
      pool = CandidatePool.build(dsl, geo, now);
    }
    return pool;
  }

  static String version(DSLContext ctx) {
    return fr.passerelle.db.Snapshots.version(
        ctx, CANDIDATE, CANDIDATE_OCCUPATION, CANDIDATE_CRITERION);
  }
}
