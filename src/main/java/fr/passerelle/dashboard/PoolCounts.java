package fr.passerelle.dashboard;

import fr.passerelle.db.UuidOrdinals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The candidate pool of each office: live candidates not INACTIVE, those with a live priority
 * criterion (any), those with a live RQTH. Read in one merge of two passes in candidate id order,
 * the live candidates (index {@code candidate_dashboard}) and the live criteria (index {@code
 * candidate_criterion_dashboard}, V11): no join, nothing kept per candidate, three counters per
 * office (ADR 0076).
 */
final class PoolCounts {
  private static final String CANDIDATES =
      "SELECT ID, STATUS, OFFICE_ID FROM CANDIDATE WHERE DELETED = FALSE ORDER BY DELETED, ID";
  private static final String CRITERIA =
      "SELECT CANDIDATE_ID, CRITERION FROM CANDIDATE_CRITERION WHERE DELETED = FALSE"
          + " ORDER BY DELETED, CANDIDATE_ID";

  private final String key;
  private final Map<UUID, long[]> byOffice;

  private PoolCounts(String key, Map<UUID, long[]> byOffice) {
    this.key = key;
    this.byOffice = byOffice;
  }

  /** Reads the pool; {@code key} names the data version read. */
  static PoolCounts read(DSLContext dsl, String key) {
    return new PoolCounts(key, LazyScan.on(dsl, PoolCounts::merge));
  }

  private static Map<UUID, long[]> merge(Connection c) throws SQLException {
    Map<UUID, long[]> counts = new HashMap<>();
    try (Statement a = c.createStatement();
        Statement b = c.createStatement();
        ResultSet people = a.executeQuery(CANDIDATES);
        ResultSet criteria = b.executeQuery(CRITERIA)) {
      boolean more = criteria.next();
      while (people.next()) {
        UUID id = people.getObject(1, UUID.class);
        boolean priority = false;
        boolean rqth = false;
        // both passes come in H2's UUID order (unsigned), which UuidOrdinals.compare follows
        while (more) {
          UUID of = criteria.getObject(1, UUID.class);
          int cmp = of == null ? -1 : compare(of, id);
          if (cmp > 0) {
            break;
          }
          if (cmp == 0) {
            priority = true;
            rqth |= "RQTH".equals(criteria.getString(2));
          }
          more = criteria.next();
        }
        if (!"INACTIVE".equals(people.getString(2))) {
          long[] n = counts.computeIfAbsent(people.getObject(3, UUID.class), k -> new long[3]);
          n[0]++;
          n[1] += priority ? 1 : 0;
          n[2] += rqth ? 1 : 0;
        }
      }
    }
    return counts;
  }

  private static int compare(UUID a, UUID b) {
    return UuidOrdinals.compare(
        a.getMostSignificantBits(),
        a.getLeastSignificantBits(),
        b.getMostSignificantBits(),
        b.getLeastSignificantBits());
  }

  String key() {
    return key;
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
