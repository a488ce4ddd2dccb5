package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.db.Database;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.search.CandidateHits;
import fr.passerelle.search.SearchService;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Finding candidates, the read side other features use (the candidates list, offers' matching,
 * sourcing lists, invitations to a meeting): search as you type (the search index, ADR 0100; the
 * database while it is built), pages and counts, summaries of known ids, the files opened last. A
 * search filtered on a sensitive criterion needs {@link Permission#SENSITIVE_READ} and is audited.
 * A candidate's file itself (read, saved, merged, deleted) is {@link CandidateService}'s.
 */
public final class CandidateSearch {
  /** Search results are counted up to this (a larger count says "more than 10,000"). */
  public static final int COUNT_CAP = 10_000;

  public static final int PAGE_SIZE = 50;

  private final Database db;
  private final WallClock clock;
  private final SearchService search;
  private final RecentFiles recent;
  private final Access access;
  private volatile ReferenceLookup reference;

  public CandidateSearch(Database db, WallClock clock, SearchService search, Access access) {
    this.db = db;
    this.clock = clock;
    this.search = search;
    this.access = access;
    this.recent = new RecentFiles(new Settings(db.dsl()), access);
  }

  /** Communes and occupations held in memory (loaded on first use). */
  public ReferenceLookup reference() {
    ReferenceLookup r = reference;
    if (r == null) {
      synchronized (this) {
        if (reference == null) {
          reference = new ReferenceLookup(db.dsl());
        }
        r = reference;
      }
    }
    return r;
  }

  /**
   * One page of matches ({@code limit} at most 500): best first, then by name, from the search
   * index; by name from the database while the index is not current.
   */
  public List<CandidateSummary> search(CandidateQuery query, int offset, int limit) {
    return page(query, offset, limit).rows();
  }

  /**
   * Starts bringing the search index up to date in the background, so that the first search typed
   * after the window opens is answered by it (until then the database answers).
   */
  public void warmUp() {
    search.warmUp();
  }

  private static int pageSize(int limit) {
    return Math.max(1, Math.min(limit, 500));
  }

  /** The number of matches, at most {@link #COUNT_CAP} + 1 (more than the cap). */
  public int count(CandidateQuery query) {
    access.require(Permission.CANDIDATES_READ);
    checkSensitiveFilter(query);
    CandidateQueries cs = queries();
    Optional<CandidateHits> hits = indexHits(cs, query, 0, 1);
    if (hits.isPresent()) {
      return hits.get().capped() ? COUNT_CAP + 1 : hits.get().total();
    }
    var inner =
        DSL.select(CANDIDATE.ID)
            .from(CANDIDATE)
            .where(cs.condition(query, search.consentingOnly()))
            .limit(COUNT_CAP + 1);
    return db.dsl().fetchCount(inner);
  }

  /** A page and its (capped) count. */
  public CandidatePage page(CandidateQuery query, int offset, int limit) {
    access.require(Permission.CANDIDATES_READ);
    checkSensitiveFilter(query);
    CandidateQueries cs = queries();
    int from = Math.max(0, offset);
    int size = pageSize(limit);
    Optional<CandidateHits> hits = indexHits(cs, query, from, size);
    if (hits.isPresent()) {
      // the rows come with the hits, from the index, as current as they are (ADR 0180)
      return new CandidatePage(
          hits.get().cards().stream().map(cs::summary).toList(),
          from,
          hits.get().total(),
          hits.get().capped());
    }
    List<CandidateSummary> rows = cs.page(db.dsl(), query, search.consentingOnly(), from, size);
    int total = from == 0 && rows.size() < size ? rows.size() : count(query);
    return new CandidatePage(rows, from, Math.min(total, COUNT_CAP), total > COUNT_CAP);
  }

  /** The query's translations, age bands counted today. */
  CandidateQueries queries() {
    return new CandidateQueries(reference(), clock.today());
  }

  /** The query as SQL, for the export that reads the database itself. */
  Condition condition(CandidateQuery query) {
    return queries().condition(query, search.consentingOnly());
  }

  /** The index's answer; empty while it is not current, or for a query it cannot answer. */
  private Optional<CandidateHits> indexHits(
      CandidateQueries cs, CandidateQuery query, int from, int size) {
    if (!CandidateQueries.indexCanAnswer(query)) {
      return Optional.empty();
    }
    return search.candidates(cs.filter(query), from, size, COUNT_CAP);
  }

  /**
   * Candidates to pick for typed text (to invite to a meeting, to add to a sourcing list), best
   * first: the search index (names, typos, commune, phone...); while the index is not current,
   * those whose "last first" name starts with it.
   */
  public List<CandidateHit> byName(String text, int limit) {
    access.require(Permission.CANDIDATES_READ);
    var found = search.find(fr.passerelle.search.Kind.CANDIDATE, text, limit);
    if (found.isPresent()) {
      List<UUID> ids = found.get().stream().map(h -> UUID.fromString(h.id())).toList();
      return CandidateHitReads.byId(db.dsl(), ids);
    }
    return CandidateHitReads.byName(db.dsl(), text, limit, search.consentingOnly());
  }

  /** Summaries of these candidates (live ones only), in the given order. */
  public List<CandidateSummary> summaries(Collection<UUID> ids) {
    access.require(Permission.CANDIDATES_READ);
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, CandidateSummary> byId =
        new CandidateQueries(reference())
            .summariesOf(db.dsl(), ids).stream()
                .collect(Collectors.toMap(CandidateSummary::id, s -> s));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** The candidates the signed-in account opened last, most recent first. */
  public List<CandidateSummary> recent() {
    access.require(Permission.CANDIDATES_READ);
    return summaries(recent.ids());
  }

  /** A search filtered on a sensitive criterion shows who holds it: allowed accounts only. */
  private void checkSensitiveFilter(CandidateQuery query) {
    if (query != null && query.criteria().stream().anyMatch(PriorityCriterion::sensitive)) {
      access.require(Permission.SENSITIVE_READ);
      String key =
          "search:"
              + query.criteria().stream()
                  .filter(PriorityCriterion::sensitive)
                  .map(Enum::name)
                  .sorted()
                  .collect(Collectors.joining(","));
      if (access.once(key)) {
        access
            .audit()
            .record(AuditAction.SENSITIVE_SHOWN, null, "candidate search", key.substring(7));
      }
    }
  }
}
