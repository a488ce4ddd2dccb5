package fr.passerelle.dashboard;

import fr.passerelle.db.ReplicatedTables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Row counts and the partnership's indicators. */
public final class StatsService {
  private final DSLContext dsl;

  public StatsService(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Live (not deleted) rows per replicated table. */
  public Map<String, Integer> rowCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Table<?> t : ReplicatedTables.ALL) {
      counts.put(
          t.getName().toLowerCase(java.util.Locale.ROOT),
          dsl.fetchCount(t, ReplicatedTables.col(t, ReplicatedTables.DELETED).isFalse()));
    }
    return counts;
  }
}
