package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.db.Database;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The occupations table: per ROME occupation with open offers, the offers' figures, candidates
 * within reach of at least one of its offers, and the actions already linked (meetings not
 * cancelled, open sourcing lists, training paths not dropped). Sorted by hard-to-fill offers.
 */
public final class OccupationTableService {
  private final Database db;
  private final HardToFillService hardToFill;
  private final ReachCache reach;
  private final TensionService tension;
  private final Access access;

  public OccupationTableService(
      Database db,
      HardToFillService hardToFill,
      ReachCache reach,
      TensionService tension,
      Access access) {
    this.access = access;
    this.db = db;
    this.hardToFill = hardToFill;
    this.reach = reach;
    this.tension = tension;
  }

  public List<OccupationRow> rows() {
    access.require(Permission.OFFERS_READ);
    Map<String, List<HardToFillService.Evaluated>> byRome = new HashMap<>();
    for (var e : hardToFill.evaluate(OfferFilter.ALL)) {
      if (e.offer().rome() != null) {
        byRome.computeIfAbsent(e.offer().rome(), k -> new ArrayList<>()).add(e);
      }
    }
    Set<String> romes = byRome.keySet();
    Map<String, String> labels =
        db.dsl()
            .select(OCCUPATION.ROME_CODE, OCCUPATION.LABEL)
            .from(OCCUPATION)
            .fetchMap(OCCUPATION.ROME_CODE, OCCUPATION.LABEL);
    Map<String, Integer> meetings =
        countBy(MEETING, MEETING.ROME_CODE, MEETING.DELETED, MEETING.STATUS.ne("CANCELLED"));
    Map<String, Integer> lists =
        countBy(
            SOURCING_LIST,
            SOURCING_LIST.ROME_CODE,
            SOURCING_LIST.DELETED,
            SOURCING_LIST.CLOSED_ON.isNull());
    Map<String, Integer> trainings =
        countBy(
            TRAINING_PATH,
            TRAINING_PATH.TARGET_ROME_CODE,
            TRAINING_PATH.DELETED,
            DSL.coalesce(TRAINING_PATH.STATUS, "").ne("DROPPED"));
    Set<String> tense = new HashSet<>(tension.inTension().keySet());
    ReachIndex idx = reach.get();
    List<OccupationRow> rows = new ArrayList<>();
    for (String rome : romes) {
      List<HardToFillService.Evaluated> offers = byRome.get(rome);
      Set<String> communes = new HashSet<>();
      offers.forEach(e -> communes.add(e.offer().commune()));
      rows.add(
          new OccupationRow(
              rome,
              labels.getOrDefault(rome, rome),
              offers.size(),
              (int) offers.stream().filter(e -> e.signal().effective()).count(),
              median(offers.stream().mapToLong(HardToFillService.Evaluated::daysOpen).toArray()),
              idx.inReachOfAny(rome, communes),
              tense.contains(rome),
              meetings.getOrDefault(rome, 0),
              lists.getOrDefault(rome, 0),
              trainings.getOrDefault(rome, 0)));
    }
    rows.sort(
        Comparator.comparingInt(OccupationRow::hardToFillOffers)
            .reversed()
            .thenComparing(Comparator.comparingInt(OccupationRow::openOffers).reversed())
            .thenComparing(OccupationRow::romeCode));
    return rows;
  }

  static double median(long[] values) {
    if (values.length == 0) {
      return 0;
    }
    long[] v = values.clone();
    java.util.Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
  }

  private Map<String, Integer> countBy(
      Table<?> table, Field<String> rome, Field<Boolean> deleted, org.jooq.Condition live) {
    return db.dsl()
        .select(rome, DSL.count())
        .from(table)
        .where(deleted.isFalse())
        .and(rome.isNotNull())
        .and(live)
        .groupBy(rome)
        .fetchMap(rome, DSL.count());
  }
}
