package fr.passerelle.dashboard;

import fr.passerelle.db.Snapshots;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What the offer figures read of the live offers, in memory: per offer the day it opened and
 * closed, its source, its office and its hard-to-fill facts — the (occupation, commune, counselor
 * mark) it shares with other offers, kept once (17 bytes an offer, ≈ 5 MB at region scale). Read in
 * one pass over the covering index {@code job_offer_dashboard} (V11, V65); every offer figure of a
 * period, its previous period and the 12-month trend is then one loop over the arrays (ADR 0076).
 * Hard to fill is the offers' own definition ({@link HardToFillAges}, ADR 0174), asked once per
 * distinct facts and count, never per offer. The rules are those of docs/training-and-dashboard.md;
 * offers without an opening day count in no figure (their opening day is {@link #NEVER}, after
 * every period).
 */
final class OfferSnapshot {
  private static final byte OTHER = 0;
  private static final byte FRANCE_TRAVAIL = 1;
  private static final byte TEMP_AGENCY = 2;

  /** {@link #closed} of an offer still open; {@link #opened} of one without an opening day. */
  private static final int NEVER = Integer.MAX_VALUE;

  /** {@link #fromAge} not asked yet for these facts. */
  private static final int UNKNOWN = -1;

  static final String SQL =
      "SELECT OPENED_ON, CLOSED_ON, SOURCE, HARD_TO_FILL_OVERRIDE, OFFICE_ID, ROME_CODE,"
          + " COMMUNE_CODE FROM JOB_OFFER WHERE DELETED = FALSE";

  /** The hard-to-fill facts several offers share: occupation, commune, counselor mark. */
  private record Facts(String rome, String commune, String mark) {}

  /** The offer figures of one period and office. */
  record Figures(
      long franceTravail,
      long franceTravailBefore,
      long tempAgency,
      long tempAgencyBefore,
      long hardToFill,
      long hardToFillBefore,
      List<MonthPoint> months) {}

  private final String key;
  private final int size;
  private final int[] opened;
  private final int[] closed;
  private final byte[] source;
  private final int[] office;
  private final List<UUID> offices;
  private final int[] facts;
  private final List<Facts> distinctFacts;

  private OfferSnapshot(
      String key,
      int size,
      int[] opened,
      int[] closed,
      byte[] source,
      int[] office,
      List<UUID> offices,
      int[] facts,
      List<Facts> distinctFacts) {
    this.key = key;
    this.size = size;
    this.opened = opened;
    this.closed = closed;
    this.source = source;
    this.office = office;
    this.offices = offices;
    this.facts = facts;
    this.distinctFacts = distinctFacts;
  }

  /** Reads the live offers; {@code key} names the data version read. */
  static OfferSnapshot read(DSLContext dsl, String key) {
    return dsl.connectionResult(
        c -> {
          int[][] days = {new int[1024], new int[1024], new int[1024], new int[1024]};
          byte[][] codes = {new byte[1024]};
          List<UUID> offices = new ArrayList<>();
          Map<Facts, Integer> factsIndex = new HashMap<>();
          List<Facts> distinct = new ArrayList<>();
          int[] n = {0};
          Snapshots.scan(
              c,
              SQL,
              rs -> {
                int i = n[0]++;
                if (i == days[0].length) {
                  for (int k = 0; k < days.length; k++) {
                    days[k] = Arrays.copyOf(days[k], i * 2);
                  }
                  for (int k = 0; k < codes.length; k++) {
                    codes[k] = Arrays.copyOf(codes[k], i * 2);
                  }
                }
                days[0][i] = day(rs.getObject(1, LocalDate.class));
                days[1][i] = day(rs.getObject(2, LocalDate.class));
                codes[0][i] = sourceCode(rs.getString(3));
                Facts f = new Facts(rs.getString(6), rs.getString(7), rs.getString(4));
                days[3][i] =
                    factsIndex.computeIfAbsent(
                        f,
                        k -> {
                          distinct.add(k);
                          return distinct.size() - 1;
                        });
                UUID o = rs.getObject(5, UUID.class);
                int ix = o == null ? -1 : offices.indexOf(o);
                if (o != null && ix < 0) {
                  offices.add(o);
                  ix = offices.size() - 1;
                }
                days[2][i] = ix;
              });
          return new OfferSnapshot(
              key,
              n[0],
              days[0],
              days[1],
              codes[0],
              days[2],
              List.copyOf(offices),
              days[3],
              List.copyOf(distinct));
        });
  }

  private static byte sourceCode(String s) {
    return "FRANCE_TRAVAIL".equals(s)
        ? FRANCE_TRAVAIL
        : "TEMP_AGENCY".equals(s) ? TEMP_AGENCY : OTHER;
  }

  String key() {
    return key;
  }

  /** The live offers read (also those without an opening day, which count in no figure). */
  int live() {
    return size;
  }

  /**
   * The offer figures of {@code p} (and of {@code prev}, which the trends compare with) for one
   * office, null: all; the trend's months are counted on their last day, or on {@code today} for
   * the month not over yet (never on a day to come). Hard to fill on a day: {@code ages} says from
   * which age each distinct facts' offers are, asked only for facts of an offer open on a counted
   * day; {@code ages} null: hard to fill not counted (0).
   */
  Figures count(Period p, Period prev, UUID officeId, LocalDate today, HardToFillAges ages) {
    int only = officeId == null ? -1 : offices.indexOf(officeId);
    boolean none = officeId != null && only < 0;
    int from = day(p.from());
    int to = day(p.to());
    int prevFrom = day(prev.from());
    int prevTo = day(prev.to());
    YearMonth first = YearMonth.from(p.to()).minusMonths(StatsService.TREND_MONTHS - 1);
    int[] monthStart = new int[StatsService.TREND_MONTHS + 1];
    for (int m = 0; m < monthStart.length; m++) {
      monthStart[m] = day(first.plusMonths(m).atDay(1));
    }
    // the days the hard-to-fill offers are counted on: the period's end, the previous period's
    // end, each month's end of the trend
    int[] on = new int[StatsService.TREND_MONTHS + 2];
    on[0] = to;
    on[1] = prevTo;
    for (int m = 0; m < StatsService.TREND_MONTHS; m++) {
      on[m + 2] = Math.min(monthStart[m + 1] - 1, day(today));
    }
    long[] now = new long[3];
    long[] before = new long[3];
    long[][] byMonth = new long[StatsService.TREND_MONTHS][3];
    long[] hard = new long[on.length];
    int[] fromAge = new int[distinctFacts.size()];
    Arrays.fill(fromAge, UNKNOWN);
    for (int i = 0; i < size && !none; i++) {
      if (only >= 0 && office[i] != only) {
        continue;
      }
      int o = opened[i];
      int s = source[i];
      if (s != OTHER) {
        now[s] += o >= from && o <= to ? 1 : 0;
        before[s] += o >= prevFrom && o <= prevTo ? 1 : 0;
        if (o >= monthStart[0] && o < monthStart[StatsService.TREND_MONTHS]) {
          int m = 0;
          while (o >= monthStart[m + 1]) {
            m++;
          }
          byMonth[m][s]++;
        }
      }
      for (int k = 0; k < on.length && ages != null; k++) {
        if (openOn(i, on[k]) && on[k] - o >= fromAge(i, fromAge, ages)) {
          hard[k]++;
        }
      }
    }
    List<MonthPoint> months = new ArrayList<>();
    for (int m = 0; m < StatsService.TREND_MONTHS; m++) {
      months.add(
          new MonthPoint(
              first.plusMonths(m),
              byMonth[m][FRANCE_TRAVAIL],
              byMonth[m][TEMP_AGENCY],
              hard[m + 2]));
    }
    return new Figures(
        now[FRANCE_TRAVAIL],
        before[FRANCE_TRAVAIL],
        now[TEMP_AGENCY],
        before[TEMP_AGENCY],
        hard[0],
        hard[1],
        months);
  }

  /** Open on day {@code d}: opened that day or before, not closed by then. */
  private boolean openOn(int i, int d) {
    return opened[i] <= d && closed[i] > d;
  }

  /** The age from which offer {@code i} is hard to fill, asked once per distinct facts. */
  private int fromAge(int i, int[] known, HardToFillAges ages) {
    int f = facts[i];
    if (known[f] == UNKNOWN) {
      Facts x = distinctFacts.get(f);
      known[f] = Math.max(0, ages.flaggedFromAge(x.rome(), x.commune(), x.mark()));
    }
    return known[f];
  }

  /** The epoch day, {@link #NEVER} for no date. */
  private static int day(LocalDate d) {
    return d == null ? NEVER : (int) d.toEpochDay();
  }
}
