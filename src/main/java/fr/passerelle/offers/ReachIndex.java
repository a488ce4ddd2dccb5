package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Active candidates per ROME code, grouped by (commune, mobility radius): one grouped query instead
 * of a scan per offer. "Within reach" of a commune means the commune is within the candidate's
 * mobility radius of the candidate's own commune. Immutable snapshot; {@link ReachCache} rebuilds
 * it when candidate data changed.
 */
public final class ReachIndex {
  /** Radius used when a candidate's mobility is not stated. */
  public static final int DEFAULT_RADIUS_KM = 10;

  private record Group(int commune, int radiusKm, int count) {}

  private final CommuneGeo geo;
  private final Map<String, List<Group>> byRome = new HashMap<>();
  private final Map<String, Integer> memo = new HashMap<>();

  private ReachIndex(CommuneGeo geo) {
    this.geo = geo;
  }

  static ReachIndex build(DSLContext dsl, CommuneGeo geo) {
    ReachIndex idx = new ReachIndex(geo);
    var radius = DSL.coalesce(CANDIDATE.MOBILITY_KM, DSL.inline(DEFAULT_RADIUS_KM));
    dsl.select(
            CANDIDATE_OCCUPATION.ROME_CODE,
            CANDIDATE.COMMUNE_CODE,
            radius,
            DSL.countDistinct(CANDIDATE.ID))
        .from(CANDIDATE_OCCUPATION)
        .join(CANDIDATE)
        .on(CANDIDATE.ID.eq(CANDIDATE_OCCUPATION.CANDIDATE_ID))
        .where(CANDIDATE_OCCUPATION.DELETED.isFalse())
        .and(CANDIDATE.DELETED.isFalse())
        .and(CANDIDATE.STATUS.eq("ACTIVE"))
        .groupBy(CANDIDATE_OCCUPATION.ROME_CODE, CANDIDATE.COMMUNE_CODE, radius)
        .fetch()
        .forEach(
            r ->
                idx.byRome
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(new Group(geo.indexOf(r.value2()), r.value3(), r.value4())));
    return idx;
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
