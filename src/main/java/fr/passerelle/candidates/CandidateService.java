package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.search.CandidateHits;
import fr.passerelle.search.SearchService;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Candidates: search as you type (the search index, ADR 0100; the database while it is built), the
 * detail (read and saved in one transaction with its occupations, criteria and consent), duplicates
 * and merge. Read methods are the public API other features (offers, matching, sourcing lists) use.
 * Sensitive criteria (RQTH, AAH) are left out of what {@link #find} returns: {@link #showSensitive}
 * gives them, to accounts allowed, and audits it.
 */
public final class CandidateService {
  /** Search results are counted up to this (a larger count says "more than 10,000"). */
  public static final int COUNT_CAP = 10_000;

  public static final int PAGE_SIZE = 50;
  private static final String RECENT_KEY = "candidates.recent";
  private static final int RECENT_MAX = 12;

  private final Database db;
  private final WallClock clock;
  private final CandidateStore store;
  private volatile ReferenceLookup reference;
  private final SearchService search;
  private final Settings settings;
  private final Access access;

  public CandidateService(
      Database db, ReplicatedWriter writer, WallClock clock, SearchService search, Access access) {
    this.db = db;
    this.clock = clock;
    this.access = access;
    this.store = new CandidateStore(writer, access.audit());
    this.settings = new Settings(db.dsl());
    this.search = search;
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

  public LocalDate today() {
    return now().toLocalDate();
  }

  OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.zone());
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
    CandidateSearch cs = searcher();
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
    CandidateSearch cs = searcher();
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

  /** The search, age bands counted today. */
  CandidateSearch searcher() {
    return new CandidateSearch(reference(), today());
  }

  /** The index's answer; empty while it is not current, or for a query it cannot answer. */
  private Optional<CandidateHits> indexHits(
      CandidateSearch cs, CandidateQuery query, int from, int size) {
    if (!CandidateSearch.indexCanAnswer(query)) {
      return Optional.empty();
    }
    return search.candidates(cs.filter(query), from, size, COUNT_CAP);
  }

  /** Summaries of these candidates (live ones only), in the given order. */
  public List<CandidateSummary> summaries(Collection<UUID> ids) {
    access.require(Permission.CANDIDATES_READ);
    if (ids.isEmpty()) {
      return List.of();
    }
    var rows =
        CandidateSearch.summaryColumns(db.dsl())
            .where(CANDIDATE.ID.in(ids))
            .and(CANDIDATE.DELETED.isFalse())
            .fetch();
    Map<UUID, CandidateSummary> byId =
        new CandidateSearch(reference())
            .summaries(db.dsl(), rows).stream()
                .collect(Collectors.toMap(CandidateSummary::id, s -> s));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * A candidate's file, its sensitive criteria left out (they stay masked until {@link
   * #showSensitive}); audited as opened.
   */
  public Optional<CandidateDetail> find(UUID id) {
    access.require(Permission.CANDIDATES_READ);
    Optional<CandidateDetail> d = find(db.dsl(), id).map(CandidateService::masked);
    if (d.isPresent()) {
      access.audit().record(AuditAction.CANDIDATE_OPENED, id, "candidate " + id, null);
    }
    return d;
  }

  /**
   * The sensitive criteria of a candidate (RQTH, AAH), after an explicit "show": for accounts with
   * {@link Permission#SENSITIVE_READ}, audited. Once shown, the file may save them.
   */
  public List<CandidateDetail.Criterion> showSensitive(UUID id) {
    access.require(Permission.SENSITIVE_READ);
    access.require(Permission.CANDIDATES_READ);
    access.showSensitive(id);
    List<CandidateDetail.Criterion> crit =
        find(db.dsl(), id)
            .map(d -> d.criteria().stream().filter(c -> c.kind().sensitive()).toList())
            .orElse(List.of());
    access.audit().record(AuditAction.SENSITIVE_SHOWN, id, "candidate " + id, null);
    return crit;
  }

  /** True when the signed-in account may see sensitive criteria (after a "show"). */
  public boolean sensitiveAllowed() {
    return access.has(Permission.SENSITIVE_READ);
  }

  /** {@code d} without its sensitive criteria. */
  static CandidateDetail masked(CandidateDetail d) {
    if (!d.hasSensitiveData()) {
      return d;
    }
    return new CandidateDetail(
        d.id(),
        d.officeId(),
        d.lastName(),
        d.firstName(),
        d.birthDate(),
        d.email(),
        d.phone(),
        d.address(),
        d.communeCode(),
        d.communeName(),
        d.mobilityKm(),
        d.drivingLicence(),
        d.availableFrom(),
        d.status(),
        d.registeredOn(),
        d.notes(),
        d.occupations(),
        d.criteria().stream().filter(c -> !c.kind().sensitive()).toList(),
        d.consent(),
        d.civility(),
        d.franceTravailId(),
        d.version());
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

  Optional<CandidateDetail> find(DSLContext ctx, UUID id) {
    CandidateRecord c =
        ctx.selectFrom(CANDIDATE)
            .where(CANDIDATE.ID.eq(id))
            .and(CANDIDATE.DELETED.isFalse())
            .fetchOne();
    if (c == null) {
      return Optional.empty();
    }
    ReferenceLookup ref = reference();
    List<CandidateDetail.TargetOccupation> occ =
        ctx.selectFrom(CANDIDATE_OCCUPATION)
            .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(id))
            .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
            .orderBy(CANDIDATE_OCCUPATION.ROME_CODE)
            .fetch(
                r ->
                    new CandidateDetail.TargetOccupation(
                        r.getRomeCode(),
                        ref.occupation(r.getRomeCode())
                            .map(ReferenceLookup.Occupation::label)
                            .orElse(r.getRomeCode()),
                        r.getExperienceYears()));
    List<CandidateDetail.Criterion> crit =
        ctx
            .selectFrom(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(id))
            .and(CANDIDATE_CRITERION.DELETED.isFalse())
            .orderBy(CANDIDATE_CRITERION.CRITERION)
            .fetch()
            .stream()
            .flatMap(
                r ->
                    PriorityCriterion.parse(r.getCriterion()).stream()
                        .map(
                            k ->
                                new CandidateDetail.Criterion(
                                    k,
                                    r.getSince(),
                                    Boolean.TRUE.equals(r.getProofSeen()),
                                    r.getProofSeenOn())))
            .toList();
    CandidateDetail.Consent consent =
        ctx.selectFrom(CANDIDATE_CONSENT)
            .where(CANDIDATE_CONSENT.ID.eq(id))
            .and(CANDIDATE_CONSENT.DELETED.isFalse())
            .fetchOptional()
            .map(
                r ->
                    new CandidateDetail.Consent(
                        Boolean.TRUE.equals(r.getShare()),
                        r.getShareAt(),
                        Boolean.TRUE.equals(r.getSensitive()),
                        r.getSensitiveAt(),
                        r.getRecordedBy()))
            .orElse(CandidateDetail.Consent.NONE);
    return Optional.of(
        new CandidateDetail(
            c.getId(),
            c.getOfficeId(),
            c.getLastName(),
            c.getFirstName(),
            c.getBirthDate(),
            c.getEmail(),
            c.getPhone(),
            c.getAddress(),
            c.getCommuneCode(),
            c.getCommuneCode() == null ? null : ref.communeLabel(c.getCommuneCode()),
            c.getMobilityKm(),
            c.getDrivingLicence(),
            c.getAvailableFrom(),
            CandidateStatus.parse(c.getStatus()).orElse(CandidateStatus.ACTIVE),
            c.getRegisteredOn(),
            c.getNotes(),
            occ,
            crit,
            consent,
            Civility.parse(c.getCivility()).orElse(null),
            c.getFtIdentifier(),
            EditLocks.version(c, CANDIDATE)));
  }

  public List<FieldError> validate(CandidateDetail d) {
    return new CandidateValidator(reference()).validate(d, today());
  }

  /**
   * Saves the candidate with its occupations, criteria and consent in one transaction and returns
   * it as stored. Refused with {@link CandidateValidationException} when a field is invalid, and
   * with {@link fr.passerelle.core.EditConflictException} (nothing written) when {@code d} carries
   * the version it was read at and a colleague saved the file since (ADR 0177). A save that changes
   * something is audited (who, which version), so that a refused colleague learns who and when.
   *
   * @param counselor who records the consent (may be null when unknown)
   */
  public CandidateDetail save(CandidateDetail d, UUID counselor) {
    access.require(Permission.CANDIDATES_WRITE);
    // sensitive criteria are written only by allowed accounts; an existing file whose sensitive
    // criteria were not shown keeps them as they are
    boolean shown = d.id() == null || access.wasRevealed(d.id());
    if (d.hasSensitiveData()) {
      access.require(Permission.SENSITIVE_READ);
    }
    UUID recorder = counselor != null ? counselor : access.counselorId().orElse(null);
    List<FieldError> errors = validate(d);
    if (!errors.isEmpty()) {
      throw new CandidateValidationException(errors);
    }
    OffsetDateTime now = now();
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              CandidateDetail toSave = d;
              if (d.officeId() == null && d.id() == null) {
                toSave = d.withOffice(currentOffice(tx));
              }
              if (d.id() != null && tx.fetchExists(CANDIDATE, CANDIDATE.ID.eq(d.id()))) {
                // a colleague's save since the form loaded d is not overwritten (ADR 0177)
                EditLocks.check(tx, CANDIDATE, d.id(), d.version(), "Candidate");
              } else if (d.id() != null) {
                throw InvalidInputException.of(
                    "error.gone", "No candidate with id " + d.id() + ".");
              }
              UUID id = store.save(tx, toSave, recorder, now, !shown);
              CandidateDetail stored = find(tx, id).orElseThrow();
              if (!stored.version().equals(d.version())) {
                access.audit().saved(tx, id, CANDIDATE, id, stored.version());
              }
              return shown ? stored : masked(stored);
            });
  }

  /** Existing candidates that look like the same person (excluding {@code d} itself). */
  public List<Duplicate> duplicates(CandidateDetail d) {
    access.require(Permission.CANDIDATES_READ);
    return new DuplicateFinder(reference(), search).find(db.dsl(), d);
  }

  /**
   * Merges {@code drop} into {@code keep} in one transaction: blank fields of {@code keep} are
   * filled from {@code drop}; occupations, criteria, sourcing-list entries, meeting participations
   * and training paths move to {@code keep}; {@code drop} becomes a tombstone.
   */
  public CandidateDetail merge(UUID keep, UUID drop) {
    access.require(Permission.CANDIDATES_WRITE);
    if (keep.equals(drop)) {
      throw InvalidInputException.of(
          "candidates.error.mergeItself", "A candidate cannot be merged with itself.");
    }
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              CandidateDetail k =
                  find(tx, keep)
                      .orElseThrow(
                          () ->
                              InvalidInputException.of(
                                  "error.gone", "No candidate with id " + keep));
              CandidateDetail d =
                  find(tx, drop)
                      .orElseThrow(
                          () ->
                              InvalidInputException.of(
                                  "error.gone", "No candidate with id " + drop));
              new CandidateMerge(store, reference()).merge(tx, k, d, now());
              return find(tx, keep).map(CandidateService::masked).orElseThrow();
            });
  }

  /** Tombstones a candidate and what hangs off it (a person's erasure). */
  public void delete(UUID id) {
    delete(id, null);
  }

  /**
   * Tombstones the candidate whose file was shown at version {@code shown}: refused with {@link
   * fr.passerelle.core.EditConflictException} (nothing deleted) when a colleague saved the file
   * since (ADR 0181); null deletes whatever is stored.
   */
  public void delete(UUID id, RowVersion shown) {
    access.require(Permission.CANDIDATES_WRITE);
    db.dsl()
        .transaction(
            cfg -> {
              if (shown != null) {
                EditLocks.check(cfg.dsl(), CANDIDATE, id, shown, "Candidate");
              }
              new CandidateMerge(store, reference()).erase(cfg.dsl(), id);
            });
  }

  /** The candidates the signed-in account opened last, most recent first. */
  public List<CandidateSummary> recent() {
    access.require(Permission.CANDIDATES_READ);
    return summaries(recentIds());
  }

  /** Remembers that the signed-in account opened this candidate. */
  public void markOpened(UUID id) {
    access.require(Permission.CANDIDATES_READ);
    List<UUID> ids = new ArrayList<>(recentIds());
    ids.remove(id);
    ids.add(0, id);
    settings.put(
        recentKey(),
        ids.stream().limit(RECENT_MAX).map(UUID::toString).collect(Collectors.joining(",")));
  }

  /** One list per account (the workstation is shared). */
  private String recentKey() {
    return RECENT_KEY + access.principal().map(p -> "." + p.login()).orElse("");
  }

  private List<UUID> recentIds() {
    return settings
        .get(recentKey())
        .filter(v -> !v.isBlank())
        .map(v -> Arrays.stream(v.split(",")).map(UUID::fromString).toList())
        .orElse(List.of());
  }

  /** Import and export of candidate files (CSV French Excel, xlsx). */
  public CandidateTransfer transfer() {
    return new CandidateTransfer(this);
  }

  static UUID currentOffice(DSLContext tx) {
    return tx.select(REPLICA.OFFICE_ID)
        .from(REPLICA)
        .where(REPLICA.IS_CURRENT.isTrue())
        .fetchOne(REPLICA.OFFICE_ID);
  }

  // package access for the importer
  Database database() {
    return db;
  }

  CandidateStore store() {
    return store;
  }

  SearchService searchService() {
    return search;
  }

  Access access() {
    return access;
  }
}
