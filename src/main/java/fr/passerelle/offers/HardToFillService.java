package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.SETTING;

import fr.passerelle.db.Database;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.impl.DSL;

/**
 * The hard-to-fill signal of open offers. Reads a slim row per open offer (id, occupation, commune,
 * opening date, override), evaluates the four rules against per-occupation figures computed once
 * per call (reach index, tension flags, BMO families), sorts hard-to-fill first and loads the full
 * offers of the requested page only.
 */
public final class HardToFillService {
  private final Database db;
  private final ReachCache reach;
  private final BmoFamilies bmo;
  private final TensionService tension;
  private final Supplier<LocalDate> today;
  private final Access access;
  private final OpenOfferRows openRows;
  // the open offers evaluated and sorted, hard to fill first, with what they were evaluated from
  private Ranked ranked;

  /** What the rules need of an open offer, and what the list filters on. */
  record Slim(
      UUID id,
      String rome,
      String commune,
      LocalDate opened,
      Boolean override,
      String why,
      String contract,
      String source) {
    /** The same offer with the counselor's reason of its mark. */
    Slim because(String reason) {
      return new Slim(id, rome, commune, opened, override, reason, contract, source);
    }
  }

  /** A slim offer and its evaluated signal. */
  record Evaluated(Slim offer, HardToFill signal, long daysOpen) {}

  public HardToFillService(
      Database db,
      ReachCache reach,
      BmoFamilies bmo,
      TensionService tension,
      Supplier<LocalDate> today,
      Access access) {
    this.access = access;
    this.db = db;
    this.reach = reach;
    this.bmo = bmo;
    this.tension = tension;
    this.today = today;
    this.openRows = new OpenOfferRows(db);
  }

  public HardToFillSettings settings() {
    access.require(Permission.OFFERS_READ);
    return readSettings();
  }

  private HardToFillSettings readSettings() {
    Map<String, String> s =
        db.dsl()
            .select(SETTING.NAME, SETTING.VAL)
            .from(SETTING)
            .where(SETTING.NAME.like("offers.hardToFill.%"))
            .fetchMap(SETTING.NAME, SETTING.VAL);
    HardToFillSettings d = HardToFillSettings.DEFAULTS;
    return new HardToFillSettings(
        parseInt(s.get(HardToFillSettings.OPEN_DAYS), d.openDays()),
        parseInt(s.get(HardToFillSettings.MIN_CANDIDATES), d.minCandidates()),
        parseDouble(s.get(HardToFillSettings.BMO_SHARE), d.bmoSharePct()));
  }

  /** Stores the thresholds (local settings of this installation). */
  public void saveSettings(HardToFillSettings s) {
    access.require(Permission.SETTINGS_MANAGE);
    db.dsl()
        .transaction(
            cfg -> {
              for (var e :
                  Map.of(
                          HardToFillSettings.OPEN_DAYS, String.valueOf(s.openDays()),
                          HardToFillSettings.MIN_CANDIDATES, String.valueOf(s.minCandidates()),
                          HardToFillSettings.BMO_SHARE, String.valueOf(s.bmoSharePct()))
                      .entrySet()) {
                cfg.dsl()
                    .mergeInto(SETTING)
                    .using(DSL.selectOne())
                    .on(SETTING.NAME.eq(e.getKey()))
                    .whenMatchedThenUpdate()
                    .set(SETTING.VAL, e.getValue())
                    .whenNotMatchedThenInsert(SETTING.NAME, SETTING.VAL)
                    .values(e.getKey(), e.getValue())
                    .execute();
              }
            });
  }

  /**
   * Open offers matching the filter, hard to fill first (highest score, then longest open). The
   * open offers are evaluated and sorted once for the facts of the moment (the offers' change
   * sequence, the candidates in reach, the office's tension marks, the thresholds, the date): a
   * call with nothing changed since the last one only filters the sorted list (ADR 0204).
   */
  public OfferPage openOffers(OfferFilter filter) {
    access.require(Permission.OFFERS_READ);
    int limit = Math.max(0, filter.limit());
    List<Evaluated> page = new ArrayList<>();
    int kept = 0;
    int hard = 0;
    for (Evaluated e : ranked()) {
      if (!accepts(filter, e.offer())) {
        continue;
      }
      boolean effective = e.signal().effective();
      if (effective) {
        hard++;
      }
      if (filter.hardToFillOnly() && !effective) {
        continue;
      }
      kept++;
      if (page.size() < limit) {
        page.add(e);
      }
    }
    Map<UUID, Offer> offers = new HashMap<>();
    for (Offer o :
        OfferService.fetchAll(db.dsl(), page.stream().map(e -> e.offer().id()).toList())) {
      offers.put(o.id(), o);
    }
    List<OfferRow> rows = new ArrayList<>();
    for (Evaluated e : page) {
      Offer o = offers.get(e.offer().id());
      if (o != null) {
        rows.add(new OfferRow(o, e.signal(), e.daysOpen()));
      }
    }
    return new OfferPage(rows, kept, hard);
  }

  /** The signal of one offer (open or closed). */
  public HardToFill signalOf(Offer o) {
    access.require(Permission.OFFERS_READ);
    Slim s =
        new Slim(
            o.id(),
            o.romeCode(),
            o.communeCode(),
            o.openedOn(),
            o.hardToFillOverride(),
            o.overrideReason(),
            null,
            null);
    return rules().evaluate(s).signal();
  }

  /**
   * The ROME codes with at least one open offer that is hard to fill (effective signal): the
   * per-occupation view of the same definition, for the training views.
   */
  public java.util.Set<String> hardToFillRomeCodes() {
    access.require(Permission.OFFERS_READ);
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (Evaluated e : evaluate(new OfferFilter(false, null, null, null, Integer.MAX_VALUE))) {
      if (e.signal().effective() && e.offer().rome() != null) {
        codes.add(e.offer().rome());
      }
    }
    return codes;
  }

  /**
   * Today's rules as a function of an offer's age, for counting hard-to-fill offers on past days
   * (the dashboard, ADR 0174): the facts that do not depend on the day (candidates in reach, the
   * office's tension marks, the BMO survey, the thresholds) are today's, the only ones known; the
   * offer's age on the day counted is the only thing that varies. Readable with the dashboard's
   * permission as well as the offers'.
   */
  public Rules rules() {
    if (!access.has(Permission.OFFERS_READ)) {
      access.require(Permission.DASHBOARD_READ);
    }
    return new Rules(readSettings(), reach.get(), tension.marks(), today.get());
  }

  /**
   * True when {@link #rules} would answer at once (the candidates in reach already counted for the
   * current data): the dashboard shows its other figures first otherwise (ADR 0209).
   */
  public boolean rulesReady() {
    return reach.current();
  }

  /** The counselor's mark as stored: null none, "YES" hard to fill, anything else not. */
  static Boolean override(String mark) {
    return mark == null ? null : "YES".equals(mark);
  }

  /** Every open offer matching the filter, evaluated, hard to fill first. */
  List<Evaluated> evaluate(OfferFilter filter) {
    return ranked().stream().filter(e -> accepts(filter, e.offer())).toList();
  }

  /** The filter's occupation, contract and origin (not its "hard to fill only"). */
  private static boolean accepts(OfferFilter filter, Slim o) {
    return (filter.romeCode() == null || filter.romeCode().equals(o.rome()))
        && (filter.contract() == null || filter.contract().name().equals(o.contract()))
        && (filter.source() == null || filter.source().name().equals(o.source()));
  }

  /** The open offers evaluated with {@code rules}, sorted, from the rows of {@code rows}. */
  private record Ranked(long rows, Rules rules, List<Evaluated> sorted) {}

  /**
   * Every open offer evaluated, hard to fill first (highest score, then longest open; ties in the
   * table's order): kept while the offers and the facts the rules read are the same.
   */
  private List<Evaluated> ranked() {
    Rules rules = rules();
    OpenOfferRows.Snapshot open = openRows.current();
    synchronized (this) {
      if (ranked != null && ranked.rows() == open.version() && ranked.rules().sameFacts(rules)) {
        return ranked.sorted();
      }
    }
    // each offer's sort keys computed once, not at each of the ~1,000,000 comparisons of 65,000
    // open offers (a score is a sum over the reasons)
    record Keyed(Evaluated e, int notHard, int minusScore, long minusDays) {}
    List<Keyed> all = new ArrayList<>(open.rows().size());
    for (Slim o : open.rows()) {
      Evaluated e = rules.evaluate(o);
      all.add(new Keyed(e, e.signal().effective() ? 0 : 1, -e.signal().score(), -e.daysOpen()));
    }
    all.sort( // stable: ties keep the rows' order
        Comparator.comparingInt(Keyed::notHard)
            .thenComparingInt(Keyed::minusScore)
            .thenComparingLong(Keyed::minusDays));
    List<Evaluated> sorted = all.stream().map(Keyed::e).toList();
    synchronized (this) {
      ranked = new Ranked(open.version(), rules, sorted);
    }
    return sorted;
  }

  /**
   * The four rules, with the figures read once per call (settings, reach index, tension marks,
   * today). The two day-independent parts — the facts about the offer's occupation and place
   * ({@link #standing}) and the points of its age ({@link #agePoints}) — are shared by the offers
   * list and the dashboard's count on past days ({@link #flaggedFromAge}).
   */
  public final class Rules {
    /** {@link #flaggedFromAge} of an offer that never becomes hard to fill with today's facts. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final HardToFillSettings s;
    private final ReachIndex reachIndex;
    private final Map<String, String> tensionNotes;
    private final LocalDate now;

    private Rules(HardToFillSettings s, ReachIndex r, Map<String, String> t, LocalDate now) {
      this.s = s;
      this.reachIndex = r;
      this.tensionNotes = t;
      this.now = now;
    }

    Evaluated evaluate(Slim o) {
      long days = o.opened() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(o.opened(), now));
      int inReach = inReach(o.rome(), o.commune());
      List<HardToFill.Reason> reasons = new ArrayList<>();
      int agePoints = agePoints(days);
      if (agePoints > 0) {
        reasons.add(new HardToFill.Reason(HardToFillReason.OPEN_LONG, days, null, agePoints));
      }
      reasons.addAll(standing(o.rome(), inReach));
      reasons.sort(Comparator.comparing((HardToFill.Reason r) -> -r.points()));
      return new Evaluated(
          o, new HardToFill(List.copyOf(reasons), o.override(), o.why(), inReach), days);
    }

    /**
     * The age in days from which an open offer of this occupation and commune, with this counselor
     * mark as stored ({@code job_offer.hard_to_fill_override}), is hard to fill (its effective
     * signal): 0 if it is from its first day, {@link #NEVER} if it never is with today's facts.
     */
    public int flaggedFromAge(String rome, String commune, String mark) {
      Boolean override = override(mark);
      if (override != null) {
        return override ? 0 : NEVER;
      }
      int standing =
          standing(rome, inReach(rome, commune)).stream().mapToInt(HardToFill.Reason::points).sum();
      // agePoints steps up just past one and two thresholds
      for (long age : new long[] {0, s.openDays() + 1L, 2L * s.openDays() + 1}) {
        if (standing + agePoints(age) >= HardToFill.FLAG_SCORE) {
          return (int) Math.max(0, age);
        }
      }
      return NEVER;
    }

    /** True if these rules read the same facts as {@code o}'s (same figures, same day). */
    boolean sameFacts(Rules o) {
      return s.equals(o.s)
          && reachIndex == o.reachIndex
          && tensionNotes.equals(o.tensionNotes)
          && now.equals(o.now);
    }

    private int inReach(String rome, String commune) {
      return rome == null ? 0 : reachIndex.inReach(rome, commune);
    }

    /** OPEN_LONG's points at this age: 1 past the threshold, 2 past twice the threshold. */
    private int agePoints(long days) {
      if (days <= s.openDays()) {
        return 0;
      }
      return days > 2L * s.openDays() ? 2 : 1;
    }

    /** The reasons that do not depend on the day: few in reach, tension, BMO. */
    private List<HardToFill.Reason> standing(String rome, int inReach) {
      List<HardToFill.Reason> reasons = new ArrayList<>();
      if (inReach < s.minCandidates()) {
        int points = inReach == 0 ? 2 : 1;
        reasons.add(new HardToFill.Reason(HardToFillReason.FEW_CANDIDATES, inReach, null, points));
      }
      if (rome != null && tensionNotes.containsKey(rome)) {
        reasons.add(
            new HardToFill.Reason(
                HardToFillReason.OCCUPATION_IN_TENSION, 0, tensionNotes.get(rome), 1));
      }
      bmo.forRome(rome)
          .filter(f -> f.difficultSharePct() >= s.bmoSharePct())
          .ifPresent(
              f ->
                  reasons.add(
                      new HardToFill.Reason(
                          HardToFillReason.BMO_DIFFICULT, f.difficultSharePct(), f.label(), 1)));
      return reasons;
    }
  }

  private static int parseInt(String v, int d) {
    try {
      return v == null ? d : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return d;
    }
  }

  private static double parseDouble(String v, double d) {
    try {
      return v == null ? d : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return d;
    }
  }
}
