package fr.passerelle.offers;

import fr.passerelle.db.Snapshots;
import fr.passerelle.db.UuidOrdinals;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jooq.DSLContext;

/**
 * An immutable in-memory copy of what matching and the reach index read of the active candidates
 * (ADR 0041): per candidate its id, commune, mobility radius, availability and live priority
 * criteria; per ROME code the (candidate, experience) pairs of live target occupations. Built by
 * three sequential scans instead of a join of 1,000,000 occupation rows with 600,000 candidates by
 * primary key. About 40 bytes per candidate and 8 per occupation (≈ 35 MB at region scale).
 */
final class CandidatePool {
  /** {@link #experience} when it is not stated. */
  static final int NO_EXPERIENCE = Integer.MIN_VALUE;

  private static final int NO_DATE = Integer.MIN_VALUE;

  private final String key;
  private final long[] high;
  private final long[] low;
  private final int[] commune;
  private final int[] radiusKm;
  private final int[] availableFrom;
  private final int[] criteria;
  private final List<String> criterionNames = new ArrayList<>();
  private final Map<String, int[][]> byRome = new HashMap<>();

  private CandidatePool(String key, int size) {
    this.key = key;
    high = new long[size];
    low = new long[size];
    commune = new int[size];
    radiusKm = new int[size];
    availableFrom = new int[size];
    criteria = new int[size];
  }

  /** Reads the active candidates; {@code key} names the data version read. */
  static CandidatePool build(DSLContext dsl, CommuneGeo geo, String key) {
    return dsl.connectionResult(c -> build(c, geo, key));
  }

  private static CandidatePool build(Connection c, CommuneGeo geo, String key) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    List<Integer> communes = new ArrayList<>();
    List<Integer> radii = new ArrayList<>();
    List<Integer> dates = new ArrayList<>();
    Snapshots.scan(
        c,
        "SELECT ID, COMMUNE_CODE, MOBILITY_KM, AVAILABLE_FROM, STATUS FROM CANDIDATE"
            + " WHERE DELETED = FALSE",
        rs -> {
          if ("ACTIVE".equals(rs.getString(5))) {
            ids.add(rs.getObject(1, UUID.class));
            communes.add(geo.indexOf(rs.getString(2)));
            Integer km = rs.getObject(3, Integer.class);
            radii.add(km == null ? ReachIndex.DEFAULT_RADIUS_KM : km);
            LocalDate from = rs.getObject(4, LocalDate.class);
            dates.add(from == null ? NO_DATE : (int) from.toEpochDay());
          }
        });
    CandidatePool pool = new CandidatePool(key, ids.size());
    for (int n = 0; n < ids.size(); n++) {
      pool.high[n] = ids.get(n).getMostSignificantBits();
      pool.low[n] = ids.get(n).getLeastSignificantBits();
      pool.commune[n] = communes.get(n);
      pool.radiusKm[n] = radii.get(n);
      pool.availableFrom[n] = dates.get(n);
    }
    ids.clear();
    communes.clear();
    radii.clear();
    dates.clear();
    UuidOrdinals ordinal = UuidOrdinals.of(pool.high, pool.low, pool.high.length);
    Map<String, int[][]> occ = new HashMap<>();
    Map<String, Integer> used = new HashMap<>();
    Snapshots.scan(
        c,
        "SELECT CANDIDATE_ID, ROME_CODE, EXPERIENCE_YEARS FROM CANDIDATE_OCCUPATION"
            + " WHERE DELETED = FALSE",
        rs -> {
          int n = ordinal.positionOf(rs.getObject(1, UUID.class));
          String rome = rs.getString(2);
          if (n >= 0 && rome != null) {
            Integer years = rs.getObject(3, Integer.class);
            int[][] pairs = occ.computeIfAbsent(rome, k -> new int[2][64]);
            int i = used.merge(rome, 1, Integer::sum) - 1;
            if (i == pairs[0].length) {
              pairs[0] = Arrays.copyOf(pairs[0], i * 2);
              pairs[1] = Arrays.copyOf(pairs[1], i * 2);
            }
            pairs[0][i] = n;
            pairs[1][i] = years == null ? NO_EXPERIENCE : years;
          }
        });
    occ.forEach(
        (rome, pairs) -> {
          int n = used.get(rome);
          pool.byRome.put(
              rome, new int[][] {Arrays.copyOf(pairs[0], n), Arrays.copyOf(pairs[1], n)});
        });
    Snapshots.scan(
        c,
        "SELECT CANDIDATE_ID, CRITERION FROM CANDIDATE_CRITERION WHERE DELETED = FALSE",
        rs -> {
          int n = ordinal.positionOf(rs.getObject(1, UUID.class));
          String name = rs.getString(2);
          if (n >= 0 && name != null) {
            int bit = pool.criterionNames.indexOf(name);
            if (bit < 0 && pool.criterionNames.size() < Integer.SIZE) {
              pool.criterionNames.add(name);
              bit = pool.criterionNames.size() - 1;
            }
            if (bit >= 0) {
              pool.criteria[n] |= 1 << bit;
            }
          }
        });
    return pool;
  }

  String key() {
    return key;
  }

  /** The ROME codes some active candidate targets. */
  Set<String> romeCodes() {
    return byRome.keySet();
  }

  /** Calls {@code each} with the index of every (candidate, occupation) pair of this ROME code. */
  void forEachOf(String rome, IntConsumer each) {
    int[][] pairs = byRome.get(rome);
    if (pairs != null) {
      for (int i = 0; i < pairs[0].length; i++) {
        each.accept(i);
      }
    }
  }

  /** The candidate of the i-th pair of this ROME code. */
  int candidate(String rome, int i) {
    return byRome.get(rome)[0][i];
  }

  /** The experience of the i-th pair of this ROME code, {@link #NO_EXPERIENCE} when not stated. */
  int experience(String rome, int i) {
    return byRome.get(rome)[1][i];
  }

  /**
   * The matching pool of this ROME code as three counts: its distinct active candidates, those with
   * a live priority criterion, those with RQTH.
   */
  int[] shares(String rome) {
    int rqthBit = criterionNames.indexOf("RQTH");
    int[] out = new int[3];
    for (int n : candidatesOf(rome)) {
      out[0]++;
      if (criteria[n] != 0) {
        out[1]++;
      }
      if (rqthBit >= 0 && (criteria[n] & (1 << rqthBit)) != 0) {
        out[2]++;
      }
    }
    return out;
  }

  /** Distinct candidates of this ROME code, ascending. */
  int[] candidatesOf(String rome) {
    int[][] pairs = byRome.get(rome);
    return pairs == null ? new int[0] : Arrays.stream(pairs[0]).sorted().distinct().toArray();
  }

  UUID id(int n) {
    return new UUID(high[n], low[n]);
  }

  int commune(int n) {
    return commune[n];
  }

  int radiusKm(int n) {
    return radiusKm[n];
  }

  LocalDate availableFrom(int n) {
    return availableFrom[n] == NO_DATE ? null : LocalDate.ofEpochDay(availableFrom[n]);
  }

  /** The live priority criteria of the candidate (empty when none). */
  Set<String> criteria(int n) {
    int mask = criteria[n];
    if (mask == 0) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    for (int bit = 0; bit < criterionNames.size(); bit++) {
      if ((mask & (1 << bit)) != 0) {
        out.add(criterionNames.get(bit));
      }
    }
    return out;
  }
}
