package fr.passerelle.dashboard;

import fr.passerelle.db.Snapshots;
import fr.passerelle.db.UuidOrdinals;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What the candidate figures read of the live candidates: whether each one is INACTIVE and has a
 * live priority criterion (any) or a live RQTH, and the pool of each office (live candidates not
 * INACTIVE, those with a priority criterion, those with RQTH). Read in two passes over narrow
 * covering indexes (V11): the live candidates ({@code candidate_dashboard}: id, status, office),
 * then the live criteria ({@code candidate_criterion_dashboard}), each one marked on its candidate
 * found by binary search ({@link UuidOrdinals}). No join in the database; kept: 21 bytes a live
 * candidate (≈ 13 MB at region scale) and three counters per office (ADR 0076).
 */
final class PoolCounts {
  static final String CANDIDATES =
      "SELECT ID, STATUS, OFFICE_ID FROM CANDIDATE WHERE DELETED = FALSE";
  static final String CRITERIA =
      "SELECT CANDIDATE_ID, CRITERION FROM CANDIDATE_CRITERION WHERE DELETED = FALSE";
  private static final byte PRIORITY = 1;
  private static final byte RQTH = 2;
  private static final byte INACTIVE = 4;

  private final String key;
  private final Map<UUID, long[]> byOffice = new HashMap<>();
  private UuidOrdinals ordinal;
  private byte[] marks;
  private int liveCriteria;

  private PoolCounts(String key) {
    this.key = key;
  }

  /** Reads the live candidates and criteria; {@code key} names the data version read. */
  static PoolCounts read(DSLContext dsl, String key) {
    PoolCounts pool = new PoolCounts(key);
    dsl.connectionResult(pool::count);
    return pool;
  }

  private Void count(Connection c) throws SQLException {
    long[][] ids = {new long[1024], new long[1024]};
    int[][] office = {new int[1024]};
    byte[][] inactive = {new byte[1024]};
    List<UUID> offices = new ArrayList<>();
    int[] n = {0};
    Snapshots.scan(
        c,
        CANDIDATES,
        rs -> {
          int i = n[0]++;
          if (i == office[0].length) {
            ids[0] = Arrays.copyOf(ids[0], i * 2);
            ids[1] = Arrays.copyOf(ids[1], i * 2);
            office[0] = Arrays.copyOf(office[0], i * 2);
            inactive[0] = Arrays.copyOf(inactive[0], i * 2);
          }
          UUID id = rs.getObject(1, UUID.class);
          ids[0][i] = id.getMostSignificantBits();
          ids[1][i] = id.getLeastSignificantBits();
          inactive[0][i] = "INACTIVE".equals(rs.getString(2)) ? INACTIVE : 0;
          UUID o = rs.getObject(3, UUID.class);
          int ix = offices.indexOf(o);
          if (ix < 0) {
            offices.add(o);
            ix = offices.size() - 1;
          }
          office[0][i] = ix;
        });
    // the index gives the ids in order already, which the sort then only checks
    ordinal = UuidOrdinals.of(ids[0], ids[1], n[0]);
    marks = Arrays.copyOf(inactive[0], n[0]);
    Snapshots.scan(
        c,
        CRITERIA,
        rs -> {
          liveCriteria++;
          int i = ordinal.positionOf(rs.getObject(1, UUID.class));
          if (i >= 0) {
            marks[i] |= "RQTH".equals(rs.getString(2)) ? PRIORITY | RQTH : PRIORITY;
          }
        });
    for (int i = 0; i < n[0]; i++) {
      if ((marks[i] & INACTIVE) == 0) {
        long[] k = byOffice.computeIfAbsent(offices.get(office[0][i]), o -> new long[3]);
        k[0]++;
        k[1] += (marks[i] & PRIORITY) != 0 ? 1 : 0;
        k[2] += (marks[i] & RQTH) != 0 ? 1 : 0;
      }
    }
    return null;
  }

  /**
   * [live candidates, with a priority criterion, with RQTH] among these distinct ids (INACTIVE ones
   * included; ids of candidates no longer live are left out).
   */
  long[] among(Collection<UUID> ids) {
    long[] out = new long[3];
    for (UUID id : ids) {
      int i = ordinal.positionOf(id);
      if (i >= 0) {
        out[0]++;
        out[1] += (marks[i] & PRIORITY) != 0 ? 1 : 0;
        out[2] += (marks[i] & RQTH) != 0 ? 1 : 0;
      }
    }
    return out;
  }

  String key() {
    return key;
  }

  /** The live candidates read, INACTIVE ones included. */
  int liveCandidates() {
    return marks.length;
  }

  /** The live criteria read, those of candidates no longer live included. */
  int liveCriteria() {
    return liveCriteria;
  }

  /** [candidates, with a priority criterion, with RQTH] of one office, null: every office. */
  long[] of(UUID officeId) {
    long[] out = new long[3];
    byOffice.forEach(
        (office, n) -> {
          if (officeId == null || officeId.equals(office)) {
            for (int k = 0; k < 3; k++) {
              out[k] += n[k];
            }
          }
        });
    return out;
  }
}
