package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.InLists;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.jooq.tables.records.EmployerRecord;
import fr.passerelle.db.jooq.tables.records.JobOfferRecord;
import fr.passerelle.office.OfficeService;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Job offers: create, edit, close, override the hard-to-fill signal; read with labels. */
public final class OfferService {
  private final Database db;
  private final ReplicatedWriter writer;
  private final OfficeService offices;
  private final Access access;
  private final java.util.function.Supplier<java.time.LocalDate> today;

  /** {@code today}: the office's date, from the injected clock. */
  public OfferService(
      Database db,
      ReplicatedWriter writer,
      OfficeService offices,
      java.util.function.Supplier<java.time.LocalDate> today,
      Access access) {
    this.access = access;
    this.today = today;
    this.db = db;
    this.writer = writer;
    this.offices = offices;
  }

  /** The office's date today (a new offer's opening date), from the injected clock. */
  public java.time.LocalDate today() {
    return today.get();
  }

  /** Problems with a draft, field by field; empty when it can be saved. */
  public List<OfferFieldError> validate(OfferDraft d) {
    List<OfferFieldError> errors = new ArrayList<>();
    if (d.employerName() == null || d.employerName().isBlank()) {
      errors.add(new OfferFieldError("employer", "employerRequired", "employer: required"));
    }
    if (d.title() == null || d.title().isBlank()) {
      errors.add(new OfferFieldError("title", "titleRequired", "title: required"));
    }
    if (d.romeCode() == null || d.romeCode().isBlank()) {
      errors.add(new OfferFieldError("romeCode", "romeRequired", "occupation: required"));
    } else if (!db.dsl().fetchExists(OCCUPATION, OCCUPATION.ROME_CODE.eq(d.romeCode()))) {
      errors.add(
          new OfferFieldError(
              "romeCode", "romeUnknown", "occupation: unknown ROME code " + d.romeCode()));
    }
    if (d.communeCode() == null || d.communeCode().isBlank()) {
      errors.add(new OfferFieldError("commune", "communeRequired", "commune: required"));
    } else if (!db.dsl().fetchExists(COMMUNE, COMMUNE.INSEE_CODE.eq(d.communeCode()))) {
      errors.add(
          new OfferFieldError(
              "commune", "communeUnknown", "commune: unknown INSEE code " + d.communeCode()));
    }
    if (d.contract() == null) {
      errors.add(new OfferFieldError("contract", "contractRequired", "contract: required"));
    }
    if (d.source() == null) {
      errors.add(new OfferFieldError("source", "sourceRequired", "source: required"));
    }
    if (d.positions() == null || d.positions() < 1 || d.positions() > 999) {
      errors.add(
          new OfferFieldError("positions", "positionsRange", "positions: between 1 and 999"));
    }
    if (d.openedOn() == null) {
      errors.add(new OfferFieldError("openedOn", "openedRequired", "opened on: required"));
    } else if (d.closedOn() != null && d.closedOn().isBefore(d.openedOn())) {
      errors.add(
          new OfferFieldError(
              "closedOn", "closedBeforeOpened", "closed on: before the opening date"));
    }
    errors.addAll(textProblems(d.employerName(), d.title(), d.description(), null));
    return errors;
  }

  /**
   * Control characters in the offer's text fields (employer, title, description, override reason):
   * one error per field, keyed {@code offers.error.<field>Control} with the character ("U+0007").
   * Needs no database: the form runs it as the counselor types.
   */
  public static List<OfferFieldError> textProblems(
      String employer, String title, String description, String overrideReason) {
    List<OfferFieldError> out = new ArrayList<>();
    String[][] fields = {
      {"employer", employer, "employer", ""},
      {"title", title, "title", ""},
      {"description", description, "description", "multi"},
      {"overrideReason", overrideReason, "override reason", ""}
    };
    for (String[] f : fields) {
      String c = ControlCharacters.first(f[1], !f[3].isEmpty());
      if (c != null) {
        out.add(
            new OfferFieldError(
                f[0], f[0] + "Control", ControlCharacters.english(f[2], c), List.of(c)));
      }
    }
    return out;
  }

  /** Creates or updates an offer (and its employer if new by name), in one transaction. */
  public Offer save(OfferDraft d) {
    return save(d, null);
  }

  /**
   * Creates an offer, or saves the edit of the offer a form read at {@code loaded}: refused with
   * {@link fr.passerelle.core.EditConflictException} (nothing written) when a colleague saved it
   * since (ADR 0181); a null {@code loaded} saves over whatever is stored (imports, command line).
   * An edit that changes nothing writes nothing.
   */
  public Offer save(OfferDraft d, RowVersion loaded) {
    access.require(Permission.OFFERS_WRITE);
    List<OfferFieldError> errors = validate(d);
    if (!errors.isEmpty()) {
      InvalidInputException e =
          new InvalidInputException(
              errors.stream().map(OfferFieldError::message).collect(Collectors.joining("; ")));
      e.keyed("offers.error." + errors.get(0).code(), errors.get(0).args().toArray());
      throw e;
    }
    UUID id =
        db.dsl()
            .transactionResult(
                cfg -> {
                  DSLContext tx = cfg.dsl();
                  UUID employerId = employerFor(tx, d.employerName().trim());
                  JobOfferRecord r;
                  if (d.id() == null) {
                    r = tx.newRecord(JOB_OFFER);
                    r.setOfficeId(offices.current().map(o -> o.id()).orElse(null));
                  } else {
                    r = lockedRecord(tx, d.id(), loaded);
                  }
                  r.setEmployerId(employerId);
                  r.setTitle(d.title().trim());
                  r.setRomeCode(d.romeCode());
                  r.setCommuneCode(d.communeCode());
                  r.setContract(d.contract().name());
                  r.setPositions(d.positions());
                  r.setOpenedOn(d.openedOn());
                  r.setClosedOn(d.closedOn());
                  r.setSource(d.source().name());
                  r.setDescription(
                      d.description() == null || d.description().isBlank()
                          ? null
                          : d.description().trim());
                  if (d.id() == null) {
                    writer.insert(tx, r);
                  } else {
                    written(tx, r);
                  }
                  return r.getId();
                });
    return find(id).orElseThrow();
  }

  /** Closes an offer on {@code date} (filled or withdrawn). */
  public void close(UUID id, LocalDate date) {
    close(id, null, date);
  }

  /**
   * Closes the offer read at {@code loaded} on {@code date}: refused (nothing written) when a
   * colleague saved it since (ADR 0181); null closes whatever is stored.
   */
  public void close(UUID id, RowVersion loaded, LocalDate date) {
    access.require(Permission.OFFERS_WRITE);
    db.dsl()
        .transaction(
            cfg -> {
              JobOfferRecord r = lockedRecord(cfg.dsl(), id, loaded);
              if (date.isBefore(r.getOpenedOn())) {
                throw InvalidInputException.of(
                    "offers.error.closedBeforeOpened", "closed on: before the opening date");
              }
              r.setClosedOn(date);
              written(cfg.dsl(), r);
            });
  }

  /**
   * Sets the counselor's override of the hard-to-fill signal: true (YES), false (NO), or null to go
   * back to the computed signal. A reason is required for YES and NO.
   */
  public void setOverride(UUID id, Boolean hardToFill, String reason) {
    setOverride(id, null, hardToFill, reason);
  }

  /**
   * Sets the override of the offer read at {@code loaded}: refused (nothing written) when a
   * colleague saved it since (ADR 0181); null sets it over whatever is stored.
   */
  public void setOverride(UUID id, RowVersion loaded, Boolean hardToFill, String reason) {
    access.require(Permission.OFFERS_WRITE);
    if (hardToFill != null && (reason == null || reason.isBlank())) {
      throw InvalidInputException.of("offers.error.reasonRequired", "override reason: required");
    }
    ControlCharacters.require(
        "override reason", reason, false, "offers.error.overrideReasonControl");
    db.dsl()
        .transaction(
            cfg -> {
              JobOfferRecord r = lockedRecord(cfg.dsl(), id, loaded);
              r.setHardToFillOverride(hardToFill == null ? null : hardToFill ? "YES" : "NO");
              r.setOverrideReason(hardToFill == null ? null : reason.trim());
              written(cfg.dsl(), r);
            });
  }

  public Optional<Offer> find(UUID id) {
    access.require(Permission.OFFERS_READ);
    return findAll(List.of(id)).stream().findFirst();
  }

  /** The live offers with these ids, labels resolved (order not kept). */
  public List<Offer> findAll(Collection<UUID> ids) {
    access.require(Permission.OFFERS_READ);
    return fetchAll(db.dsl(), ids);
  }

  static List<Offer> fetchAll(DSLContext ctx, Collection<UUID> ids) {
    return select(ctx)
        .where(InLists.in(JOB_OFFER.ID, ids))
        .and(JOB_OFFER.DELETED.isFalse())
        .fetch(OfferService::toOffer);
  }

  /** Employer names starting with the typed text (case ignored), for completion. */
  public List<String> employerNames(String prefix, int limit) {
    access.require(Permission.OFFERS_READ);
    String p = prefix == null ? "" : prefix.trim().replace("!", "!!").replace("%", "!%");
    return db.dsl()
        .selectDistinct(EMPLOYER.NAME)
        .from(EMPLOYER)
        .where(EMPLOYER.DELETED.isFalse())
        .and(EMPLOYER.NAME.likeIgnoreCase(p.replace("_", "!_") + "%", '!'))
        .orderBy(EMPLOYER.NAME)
        .limit(limit)
        .fetch(EMPLOYER.NAME);
  }

  static org.jooq.SelectOnConditionStep<Record> select(DSLContext ctx) {
    return ctx.select(JOB_OFFER.fields())
        .select(EMPLOYER.NAME, OCCUPATION.LABEL, COMMUNE.NAME)
        .from(JOB_OFFER)
        .leftJoin(EMPLOYER)
        .on(EMPLOYER.ID.eq(JOB_OFFER.EMPLOYER_ID).and(EMPLOYER.DELETED.isFalse()))
        .leftJoin(OCCUPATION)
        .on(OCCUPATION.ROME_CODE.eq(JOB_OFFER.ROME_CODE))
        .leftJoin(COMMUNE)
        .on(COMMUNE.INSEE_CODE.eq(JOB_OFFER.COMMUNE_CODE));
  }

  static Offer toOffer(Record r) {
    String override = r.get(JOB_OFFER.HARD_TO_FILL_OVERRIDE);
    return new Offer(
        r.get(JOB_OFFER.ID),
        r.get(JOB_OFFER.EMPLOYER_ID),
        r.get(EMPLOYER.NAME),
        r.get(JOB_OFFER.TITLE),
        r.get(JOB_OFFER.ROME_CODE),
        r.get(OCCUPATION.LABEL),
        r.get(JOB_OFFER.COMMUNE_CODE),
        r.get(COMMUNE.NAME),
        r.get(JOB_OFFER.CONTRACT) == null ? null : Contract.valueOf(r.get(JOB_OFFER.CONTRACT)),
        r.get(JOB_OFFER.POSITIONS) == null ? 1 : r.get(JOB_OFFER.POSITIONS),
        r.get(JOB_OFFER.OPENED_ON),
        r.get(JOB_OFFER.CLOSED_ON),
        r.get(JOB_OFFER.SOURCE) == null ? null : OfferSource.valueOf(r.get(JOB_OFFER.SOURCE)),
        override == null ? null : "YES".equals(override),
        r.get(JOB_OFFER.OVERRIDE_REASON),
        r.get(JOB_OFFER.DESCRIPTION),
        EditLocks.version(r, JOB_OFFER));
  }

  /**
   * The offer's row, locked until the transaction ends, once checked to be still at {@code loaded}
   * (ADR 0181: a colleague's newer save refuses the form's, naming who and when).
   */
  private static JobOfferRecord lockedRecord(DSLContext tx, UUID id, RowVersion loaded) {
    EditLocks.check(tx, JOB_OFFER, id, loaded, "Offer");
    return liveRecord(tx, id);
  }

  /** Writes the edit of {@code r} if it changes anything, with the audit entry naming who. */
  private void written(DSLContext tx, JobOfferRecord r) {
    if (EditLocks.unmarkUnchanged(r)) {
      writer.update(tx, r);
      access.audit().saved(tx, null, JOB_OFFER, r.getId(), EditLocks.version(r, JOB_OFFER));
    }
  }

  private static JobOfferRecord liveRecord(DSLContext tx, UUID id) {
    JobOfferRecord r =
        tx.selectFrom(JOB_OFFER)
            .where(JOB_OFFER.ID.eq(id))
            .and(JOB_OFFER.DELETED.isFalse())
            .fetchOne();
    if (r == null) {
      throw InvalidInputException.of("error.gone", "No offer with id " + id + ".");
    }
    return r;
  }

  private UUID employerFor(DSLContext tx, String name) {
    String norm = TextNorm.normalize(name);
    for (EmployerRecord e :
        tx.selectFrom(EMPLOYER)
            .where(EMPLOYER.DELETED.isFalse())
            .and(EMPLOYER.NAME.equalIgnoreCase(name))
            .fetch()) {
      if (TextNorm.normalize(e.getName()).equals(norm)) {
        return e.getId();
      }
    }
    EmployerRecord e = tx.newRecord(EMPLOYER);
    e.setName(name);
    writer.insert(tx, e);
    return e.getId();
  }
}
