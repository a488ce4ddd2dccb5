package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
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
import org.jooq.Condition;
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

  /** What the rules need of an open offer. */
  record Slim(
      UUID id, String rome, String commune, LocalDate opened, Boolean override, String why) {}

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
  }

  public HardToFillSettings settings() {
    access.require(Permission.OFFERS_READ);
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

  /** Open offers matching the filter, hard to fill first (highest score, then longest open). */
  public OfferPage openOffers(OfferFilter filter) {
    access.require(Permission.OFFERS_READ);
    List<Evaluated> all = evaluate(filter);
    List<Evaluated> kept =
        filter.hardToFillOnly() ? all.stream().filter(e -> e.signal().effective()).toList() : all;
    int hard = (int) all.stream().filter(e -> e.signal().effective()).count();
    List<Evaluated> page =
        kept.stream()
            .sorted(
                Comparator.comparing((Evaluated e) -> !e.signal().effective())
                    .thenComparing(e -> -e.signal().score())
                    .thenComparing(e -> -e.daysOpen()))
            .limit(Math.max(0, filter.limit()))
            .toList();
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
    return new OfferPage(rows, kept.size(), hard);
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
            o.overrideReason());
    return new Rules(settings(), reach.get(), tension.inTension(), today.get())
        .evaluate(s)
        .signal();
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

  /** Every open offer matching the filter, evaluated (unsorted). */
  List<Evaluated> evaluate(OfferFilter filter) {
    Condition c = JOB_OFFER.DELETED.isFalse().and(JOB_OFFER.CLOSED_ON.isNull());
    if (filter.romeCode() != null) {
      c = c.and(JOB_OFFER.ROME_CODE.eq(filter.romeCode()));
    }
    if (filter.contract() != null) {
      c = c.and(JOB_OFFER.CONTRACT.eq(filter.contract().name()));
    }
    if (filter.source() != null) {
      c = c.and(JOB_OFFER.SOURCE.eq(filter.source().name()));
    }
    Rules rules = new Rules(settings(), reach.get(), tension.inTension(), today.get());
    List<Evaluated> out = new ArrayList<>();
    db.dsl()
        .select(
            JOB_OFFER.ID,
            JOB_OFFER.ROME_CODE,
            JOB_OFFER.COMMUNE_CODE,
            JOB_OFFER.OPENED_ON,
            JOB_OFFER.HARD_TO_FILL_OVERRIDE,
            JOB_OFFER.OVERRIDE_REASON)
        .from(JOB_OFFER)
        .where(c)
        .fetchSize(5000)
        .forEach(
            r ->
                out.add(
                    rules.evaluate(
                        new Slim(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            r.value4(),
                            r.value5() == null ? null : "YES".equals(r.value5()),
                            r.value6()))));
    return out;
  }

  /** The four rules, with the per-call figures. */
  private final class Rules {
    private final HardToFillSettings s;
    private final ReachIndex reachIndex;
    private final Map<String, String> tensionNotes;
    private final LocalDate now;

    Rules(HardToFillSettings s, ReachIndex r, Map<String, String> t, LocalDate now) {
      this.s = s;
      this.reachIndex = r;
      this.tensionNotes = t;
      this.now = now;
    }

    Evaluated evaluate(Slim o) {
      List<HardToFill.Reason> reasons = new ArrayList<>();
      long days = o.opened() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(o.opened(), now));
      if (days > s.openDays()) {
        int points = days > 2L * s.openDays() ? 2 : 1;
        reasons.add(new HardToFill.Reason(HardToFillReason.OPEN_LONG, days, null, points));
      }
      int inReach = o.rome() == null ? 0 : reachIndex.inReach(o.rome(), o.commune());
      if (inReach < s.minCandidates()) {
        int points = inReach == 0 ? 2 : 1;
        reasons.add(new HardToFill.Reason(HardToFillReason.FEW_CANDIDATES, inReach, null, points));
      }
      if (o.rome() != null && tensionNotes.containsKey(o.rome())) {
        reasons.add(
            new HardToFill.Reason(
                HardToFillReason.OCCUPATION_IN_TENSION, 0, tensionNotes.get(o.rome()), 1));
      }
      bmo.forRome(o.rome())
          .filter(f -> f.difficultSharePct() >= s.bmoSharePct())
          .ifPresent(
              f ->
                  reasons.add(
                      new HardToFill.Reason(
                          HardToFillReason.BMO_DIFFICULT, f.difficultSharePct(), f.label(), 1)));
      reasons.sort(Comparator.comparing((HardToFill.Reason r) -> -r.points()));
      return new Evaluated(
          o, new HardToFill(List.copyOf(reasons), o.override(), o.why(), inReach), days);
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
