package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.InLists;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Ranks active candidates for an offer, and open offers for a candidate, with {@link ScoreRules}.
 * For an offer, the pool is read from the in-memory {@link CandidatePool} (ADR 0041): the
 * occupations of the offer's domain plus its v3 siblings, distance and scores computed in memory;
 * only the top rows' names and consent are read from the database.
 */
public final class MatchingService {
  private static final int CHUNK = 1000;
  private final Database db;
  private final CommuneGeo geo;
  private final ReachCache reach;
  private final Supplier<LocalDate> today;
  private final Access access;
  private Map<String, String> parents;

  public MatchingService(
      Database db, CommuneGeo geo, ReachCache reach, Supplier<LocalDate> today, Access access) {
    this.access = access;
    this.db = db;
    this.geo = geo;
    this.reach = reach;
    this.today = today;
  }

  /** A candidate of the pool before ranking: best occupation component and the rest. */
  private record Scored(UUID id, String rome, double km, int score, List<MatchReason> reasons) {}

  /** The top {@code limit} candidates for an offer. */
  public MatchResult candidatesFor(UUID offerId, int limit, boolean boostPriority) {
    access.require(Permission.CANDIDATES_READ);
    DSLContext dsl = db.dsl();
    Offer offer =
        OfferService.fetchAll(dsl, List.of(offerId)).stream()
            .findFirst()
            .orElseThrow(
                () -> InvalidInputException.of("error.gone", "No offer with id " + offerId + "."));
    if (offer.romeCode() == null) {
      return new MatchResult(offer, List.of(), 0, 0, 0, 0);
    }
    String offerParent = parentOf(offer.romeCode());
    LocalDate start = later(offer.openedOn(), today.get());
    int offerCommune = geo.indexOf(offer.communeCode());
    CandidatePool pool = reach.pool();
    String domain = offer.romeCode().substring(0, 3);
    Set<String> siblings = new HashSet<>(siblings(offerParent));
    Map<UUID, Scored> best = new HashMap<>();
    Map<UUID, Integer> ordinals = new HashMap<>();
    // those of the offer's own occupation: what its "few candidates" reason counts (ReachIndex)
    Set<UUID> sameOccupation = new HashSet<>();
    for (String rome : pool.romeCodes()) {
      if (!rome.startsWith(domain) && !siblings.contains(rome)) {
        continue;
      }
      Optional<MatchReason> occ =
          ScoreRules.occupation(rome, parentOf(rome), offer.romeCode(), offerParent);
      if (occ.isEmpty()) {
        continue;
      }
      pool.forEachOf(
          rome,
          i -> {
            int n = pool.candidate(rome, i);
            double km = geo.km(pool.commune(n), offerCommune);
            Optional<MatchReason> dist = ScoreRules.distance(km, pool.radiusKm(n));
            if (dist.isEmpty()) {
              return;
            }
            int years = pool.experience(rome, i);
            List<MatchReason> reasons =
                List.of(
                    occ.get(),
                    dist.get(),
                    ScoreRules.availability(pool.availableFrom(n), start),
                    ScoreRules.experience(years == CandidatePool.NO_EXPERIENCE ? null : years));
            Scored s = new Scored(pool.id(n), rome, km, sum(reasons), reasons);
            if (rome.equals(offer.romeCode())) {
              sameOccupation.add(s.id());
            }
            best.merge(s.id(), s, (x, y) -> x.score() >= y.score() ? x : y);
            ordinals.put(s.id(), n);
          });
    }
    Map<UUID, Set<String>> criteria = new HashMap<>();
    ordinals.forEach(
        (id, n) -> {
          Set<String> c = pool.criteria(n);
          if (!c.isEmpty()) {
            criteria.put(id, c);
          }
        });
    int poolRqth = 0;
    List<Scored> ranked = new ArrayList<>(best.size());
    for (Scored s : best.values()) {
      Set<String> c = criteria.getOrDefault(s.id(), Set.of());
      if (c.contains("RQTH")) {
        poolRqth++;
      }
      Optional<MatchReason> boost = ScoreRules.boost(boostPriority, c);
      if (boost.isPresent()) {
        List<MatchReason> reasons = new ArrayList<>(s.reasons());
        reasons.add(boost.get());
        s = new Scored(s.id(), s.rome(), s.km(), s.score() + boost.get().points(), reasons);
      }
      ranked.add(s);
    }
    ranked.sort(
        Comparator.comparingInt(Scored::score)
            .reversed()
            .thenComparingDouble(Scored::km)
            .thenComparing(Scored::id));
    List<Scored> top = ranked.subList(0, Math.min(Math.max(0, limit), ranked.size()));
    List<CandidateMatch> matches = describe(dsl, top, criteria);
    return new MatchResult(
        offer, matches, best.size(), sameOccupation.size(), criteria.size(), poolRqth);
  }

  /** The open offers ranked for a candidate (the same score, without boost). */
  public List<OfferMatch> offersFor(UUID candidateId, int limit) {
    access.require(Permission.CANDIDATES_READ);
    DSLContext dsl = db.dsl();
    var cand =
        dsl.selectFrom(CANDIDATE)
            .where(CANDIDATE.ID.eq(candidateId))
            .and(CANDIDATE.DELETED.isFalse())
            .fetchOptional()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "error.gone", "No candidate with id " + candidateId + "."));
    Map<String, Integer> experience =
        dsl.select(CANDIDATE_OCCUPATION.ROME_CODE, CANDIDATE_OCCUPATION.EXPERIENCE_YEARS)
            .from(CANDIDATE_OCCUPATION)
            .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(candidateId))
            .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
            .fetchMap(CANDIDATE_OCCUPATION.ROME_CODE, CANDIDATE_OCCUPATION.EXPERIENCE_YEARS);
    if (experience.isEmpty()) {
      return List.of();
    }
    int radius = cand.getMobilityKm() == null ? ReachIndex.DEFAULT_RADIUS_KM : cand.getMobilityKm();
    int home = geo.indexOf(cand.getCommuneCode());
    Condition related = DSL.falseCondition();
    for (String rome : experience.keySet()) {
      related =
          related
              .or(JOB_OFFER.ROME_CODE.startsWith(rome.substring(0, 3)))
              .or(JOB_OFFER.ROME_CODE.in(siblings(parentOf(rome))));
    }
    record Hit(UUID id, double km, int score, List<MatchReason> reasons) {}
    List<Hit> hits = new ArrayList<>();
    dsl.select(JOB_OFFER.ID, JOB_OFFER.ROME_CODE, JOB_OFFER.COMMUNE_CODE, JOB_OFFER.OPENED_ON)
        .from(JOB_OFFER)
        .where(related)
        .and(JOB_OFFER.DELETED.isFalse())
        .and(JOB_OFFER.CLOSED_ON.isNull())
        .forEach(
            r -> {
              double km = geo.km(home, geo.indexOf(r.value3()));
              Optional<MatchReason> dist = ScoreRules.distance(km, radius);
              if (dist.isEmpty()) {
                return;
              }
              Hit bestHit = null;
              for (var e : experience.entrySet()) {
                Optional<MatchReason> occ =
                    ScoreRules.occupation(
                        e.getKey(), parentOf(e.getKey()), r.value2(), parentOf(r.value2()));
                if (occ.isEmpty()) {
                  continue;
                }
                List<MatchReason> reasons =
                    List.of(
                        occ.get(),
                        dist.get(),
                        ScoreRules.availability(
                            cand.getAvailableFrom(), later(r.value4(), today.get())),
                        ScoreRules.experience(e.getValue()));
                Hit h = new Hit(r.value1(), km, sum(reasons), reasons);
                if (bestHit == null || h.score() > bestHit.score()) {
                  bestHit = h;
                }
              }
              if (bestHit != null) {
                hits.add(bestHit);
              }
            });
    hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparingDouble(Hit::km));
    List<Hit> top = hits.subList(0, Math.min(Math.max(0, limit), hits.size()));
    Map<UUID, Offer> offers = new HashMap<>();
    OfferService.fetchAll(dsl, top.stream().map(Hit::id).toList())
        .forEach(o -> offers.put(o.id(), o));
    return top.stream()
        .map(h -> new OfferMatch(offers.get(h.id()), h.km(), h.score(), h.reasons()))
        .toList();
  }

  private List<CandidateMatch> describe(
      DSLContext dsl, List<Scored> top, Map<UUID, Set<String>> criteria) {
    if (top.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = top.stream().map(Scored::id).toList();
    Map<UUID, org.jooq.Record4<UUID, String, String, String>> people = new HashMap<>();
    dsl.select(CANDIDATE.ID, CANDIDATE.FIRST_NAME, CANDIDATE.LAST_NAME, CANDIDATE.COMMUNE_CODE)
        .from(CANDIDATE)
        .where(InLists.in(CANDIDATE.ID, ids))
        .forEach(r -> people.put(r.value1(), r));
    Set<UUID> consenting =
        new HashSet<>(
            dsl.select(CANDIDATE_CONSENT.CANDIDATE_ID)
                .from(CANDIDATE_CONSENT)
                .where(InLists.in(CANDIDATE_CONSENT.CANDIDATE_ID, ids))
                .and(CANDIDATE_CONSENT.DELETED.isFalse())
                .and(CANDIDATE_CONSENT.SHARE.isTrue())
                .fetch(CANDIDATE_CONSENT.CANDIDATE_ID));
    List<CandidateMatch> out = new ArrayList<>();
    for (Scored s : top) {
      var p = people.get(s.id());
      out.add(
          new CandidateMatch(
              s.id(),
              p == null ? null : p.value2(),
              p == null ? null : p.value3(),
              p == null ? null : geo.name(p.value4()),
              s.rome(),
              s.km(),
              s.score(),
              s.reasons().stream().map(MatchingService::masked).toList(),
              notSensitive(criteria.getOrDefault(s.id(), Set.of())),
              consenting.contains(s.id())));
    }
    return out;
  }

  /**
   * Sensitive criteria (RQTH, AAH) are not shown in a ranking: they stay in the person's file,
   * behind an audited "show". The boost they give is said without naming them.
   */
  static Set<String> notSensitive(Set<String> criteria) {
    Set<String> out = new java.util.TreeSet<>();
    for (String c : criteria) {
      if (!fr.passerelle.candidates.PriorityCriterion.parse(c)
          .map(fr.passerelle.candidates.PriorityCriterion::sensitive)
          .orElse(false)) {
        out.add(c);
      }
    }
    return out;
  }

  private static MatchReason masked(MatchReason r) {
    if (r.kind() != MatchReason.Kind.PRIORITY_BOOST) {
      return r;
    }
    Set<String> shown = notSensitive(new java.util.TreeSet<>(List.of(r.detail().split(", "))));
    return new MatchReason(
        r.kind(), r.points(), shown.isEmpty() ? "•••" : String.join(", ", shown));
  }

  /** Live priority criteria per candidate, fetched by chunks of ids. */
  static Map<UUID, Set<String>> criteria(DSLContext dsl, Collection<UUID> ids) {
    Map<UUID, Set<String>> out = new HashMap<>();
    List<UUID> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += CHUNK) {
      dsl.select(CANDIDATE_CRITERION.CANDIDATE_ID, CANDIDATE_CRITERION.CRITERION)
          .from(CANDIDATE_CRITERION)
          .where(
              CANDIDATE_CRITERION.CANDIDATE_ID.in(all.subList(i, Math.min(all.size(), i + CHUNK))))
          .and(CANDIDATE_CRITERION.DELETED.isFalse())
          .forEach(
              r -> {
                if (r.value2() != null) {
                  out.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(r.value2());
                }
              });
    }
    return out;
  }

  private synchronized String parentOf(String rome) {
    if (parents == null) {
      parents =
          db.dsl()
              .select(OCCUPATION.ROME_CODE, OCCUPATION.PARENT_CODE)
              .from(OCCUPATION)
              .fetchMap(OCCUPATION.ROME_CODE, OCCUPATION.PARENT_CODE);
    }
    return rome == null ? null : parents.get(rome);
  }

  private synchronized List<String> siblings(String parent) {
    parentOf(null);
    if (parent == null) {
      return List.of();
    }
    return parents.entrySet().stream()
        .filter(e -> parent.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int sum(List<MatchReason> reasons) {
    return reasons.stream().mapToInt(MatchReason::points).sum();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || a.isBefore(b) ? b : a;
  }
}
