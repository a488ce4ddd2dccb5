package fr.passerelle.offers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Active candidates per ROME code, grouped by (commune, mobility radius), derived in memory from
 * the {@link CandidatePool} (ADR 0041) instead of a scan per offer. "Within reach" of a commune
 * means the commune is within the candidate's mobility radius of the candidate's own commune.
 * Immutable snapshot; {@link ReachCache} rebuilds it when candidate data changed.
 */
public final class ReachIndex {
  /** Radius used when a candidate's mobility is not stated. */
  public static final int DEFAULT_RADIUS_KM = 10;

  private record Group(int commune, int radiusKm, int count) {}

  private final CommuneGeo geo;
  private final Map<String, List<Group>> byRome = new HashMap<>();
  private final Map<String, Integer> memo = new HashMap<>();

  private final CandidatePool pool;

  private ReachIndex(CommuneGeo geo, CandidatePool pool) {
    this.geo = geo;
    this.pool = pool;
  }

  /** Groups the pool's candidates of each ROME code by (commune, radius). */
  static ReachIndex of(CandidatePool pool, CommuneGeo geo) {
    ReachIndex idx = new ReachIndex(geo, pool);
    for (String rome : pool.romeCodes()) {
      Map<Long, Integer> counts = new HashMap<>();
      for (int n : pool.candidatesOf(rome)) {
        counts.merge(
            ((long) pool.commune(n) << 32) | (pool.radiusKm(n) & 0xffffffffL), 1, Integer::sum);
      }
      List<Group> groups = new ArrayList<>(counts.size());
      counts.forEach((k, v) -> groups.add(new Group((int) (k >> 32), (int) (long) k, v)));
      idx.byRome.put(rome, groups);
    }
    return idx;
  }

  /** The pool this index was derived from. */
  CandidatePool pool() {
    return pool;
  }

  /** Active candidates with this ROME code whose reach includes the commune. */
  public synchronized int inReach(String romeCode, String communeCode) {
    return memo.computeIfAbsent(
        romeCode + '|' + communeCode, k -> count(romeCode, geo.indexOf(communeCode)));
  }

  /** Active candidates with this ROME code whose reach includes at least one of the communes. */
  public int inReachOfAny(String romeCode, java.util.Collection<String> communeCodes) {
    int[] targets = communeCodes.stream().mapToInt(geo::indexOf).filter(i -> i >= 0).toArray();
    int n = 0;
    for (Group g : byRome.getOrDefault(romeCode, List.of())) {
      for (int t : targets) {
        if (geo.within(g.commune, t, g.radiusKm)) {
          n += g.count;
          break;
        }
      }
    }
    return n;
  }

  private int count(String romeCode, int commune) {
    int n = 0;
    for (Group g : byRome.getOrDefault(romeCode, List.of())) {
      if (geo.within(g.commune, commune, g.radiusKm)) {
        n += g.count;
      }
    }
    return n;
  }
}
