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
import fr.passerelle.search.SearchService;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A candidate's file: read, validated and saved in one transaction with its occupations, criteria
 * and consent; duplicates, merge, delete, import and export. Finding candidates is {@link
 * CandidateSearch}'s (ADR 0194). Sensitive criteria (RQTH, AAH) are left out of what {@link #find}
 * returns: {@link #showSensitive} gives them, to accounts allowed, and audits it.
 */
public final class CandidateService {
  private final Database db;
  private final WallClock clock;
  private final CandidateStore store;
  private final CandidateSearch reads;
  private final SearchService search;
  private final RecentFiles recent;
  private final Access access;

  public CandidateService(
      Database db,
      ReplicatedWriter writer,
      WallClock clock,
      SearchService search,
      CandidateSearch reads,
      Access access) {
    this.db = db;
    this.clock = clock;
    this.access = access;
    this.store = new CandidateStore(writer, access.audit());
    this.reads = reads;
    this.recent = new RecentFiles(new Settings(db.dsl()), access);
    this.search = search;
  }

  /** Communes and occupations held in memory (loaded on first use). */
  public ReferenceLookup reference() {
    return reads.reference();
  }

  public LocalDate today() {
    return now().toLocalDate();
  }

  OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.zone());
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

  /**
   * Remembers that the signed-in account opened this candidate ({@link CandidateSearch#recent}).
   */
  public void markOpened(UUID id) {
    access.require(Permission.CANDIDATES_READ);
    recent.opened(id);
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

  CandidateSearch reads() {
    return reads;
  }

  Access access() {
    return access;
  }
}
