package fr.passerelle.offers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Active candidates per ROME code, grouped by (commune, mobility radius), derived in memory from
 * the {@link CandidatePool} (ADR 0041) instead of a scan per offer. "Within reach" of a commune
 * means the commune is within the candidate's mobility radius of the candidate's own commune.
 * Immutable snapshot; {@link ReachCache} rebuilds it when candidate data changed.
 *
 * <p>The groups of one ROME code and one radius are kept sorted by latitude: a commune can only be
 * within the radius of communes less than that radius away along the meridian, so a count reads the
 * band of latitudes around the offer's commune instead of every group (the dashboard counts every
 * distinct occupation and commune of 300,000 offers, ADR 0209).
 */
public final class ReachIndex {
  /** Radius used when a candidate's mobility is not stated. */
  public static final int DEFAULT_RADIUS_KM = 10;

  /**
   * Km per degree of latitude, slightly under the true 111.195 so that the band is never narrower
   * than the radius; {@link CommuneGeo#within} then decides exactly.
   */
  private static final double KM_PER_DEGREE = 111.0;

  /** The groups of one ROME code and one radius, by ascending latitude (unknown ones last). */
  private record Band(int radiusKm, double[] lat, int[] commune, int[] count) {}

  private final CommuneGeo geo;
  private final Map<String, List<Band>> byRome = new HashMap<>();
  private final Map<String, Integer> memo = new HashMap<>();

  private final CandidatePool pool;

  private ReachIndex(CommuneGeo geo, CandidatePool pool) {
    this.geo = geo;
    this.pool = pool;
  }

  /** Groups the pool's candidates of each ROME code by radius, then commune. */
  static ReachIndex of(CandidatePool pool, CommuneGeo geo) {
    ReachIndex idx = new ReachIndex(geo, pool);
    for (String rome : pool.romeCodes()) {
      Map<Integer, Map<Integer, Integer>> byRadius = new HashMap<>();
      for (int n : pool.candidatesOf(rome)) {
        if (pool.commune(n) >= 0) { // a candidate of an unknown commune is in nobody's reach
          byRadius
              .computeIfAbsent(pool.radiusKm(n), r -> new HashMap<>())
              .merge(pool.commune(n), 1, Integer::sum);
        }
      }
      List<Band> bands = new ArrayList<>(byRadius.size());
      byRadius.forEach((radius, counts) -> bands.add(band(geo, radius, counts)));
      idx.byRome.put(rome, bands);
    }
    return idx;
  }

  private static Band band(CommuneGeo geo, int radius, Map<Integer, Integer> counts) {
    Integer[] communes = counts.keySet().toArray(new Integer[0]);
    Arrays.sort(communes, (a, b) -> Double.compare(geo.latitude(a), geo.latitude(b)));
    double[] lat = new double[communes.length];
    int[] commune = new int[communes.length];
    int[] count = new int[communes.length];
    for (int i = 0; i < communes.length; i++) {
      commune[i] = communes[i];
      lat[i] = geo.latitude(commune[i]);
      count[i] = counts.get(communes[i]);
    }
    return new Band(radius, lat, commune, count);
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
    for (Band b : byRome.getOrDefault(romeCode, List.of())) {
      boolean[] reached = new boolean[b.commune.length];
      for (int t : targets) {
        scan(b, t, i -> reached[i] = true);
      }
      for (int i = 0; i < reached.length; i++) {
        n += reached[i] ? b.count[i] : 0;
      }
    }
    return n;
  }

  private int count(String romeCode, int target) {
    int[] n = {0};
    for (Band b : byRome.getOrDefault(romeCode, List.of())) {
      scan(b, target, i -> n[0] += b.count[i]);
    }
    return n[0];
  }

  /** Calls {@code reached} with each group of the band whose radius holds the target commune. */
  private void scan(Band b, int target, java.util.function.IntConsumer reached) {
    if (target < 0) {
      return;
    }
    double at = geo.latitude(target);
    if (Double.isNaN(at)) { // no centroid: only the candidates of that very commune
      for (int i = 0; i < b.commune.length; i++) {
        if (b.commune[i] == target) {
          reached.accept(i);
        }
      }
      return;
    }
    double reach = b.radiusKm / KM_PER_DEGREE;
    for (int i = firstAtOrAbove(b.lat, at - reach);
        i < b.lat.length && b.lat[i] <= at + reach;
        i++) {
      if (geo.within(b.commune[i], target, b.radiusKm)) {
        reached.accept(i);
      }
    }
  }

  /** The first index whose latitude is at least {@code min} (NaN, sorted last, is above all). */
  private static int firstAtOrAbove(double[] lat, double min) {
    int lo = 0;
    int hi = lat.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lat[mid] < min) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
