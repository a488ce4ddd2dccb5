package fr.passerelle.sourcing;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.SETTING;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.InLists;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.SourcingEntryRecord;
import fr.passerelle.db.jooq.tables.records.SourcingListRecord;
import fr.passerelle.office.OfficeService;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Sourcing lists and their pipeline: create a list from an offer or an occupation, add candidates
 * (consent rule of shared lists), move entries through the pipeline with a dated history kept in
 * {@code sourcing_entry.history} (ADR 0052). Every action is one transaction.
 */
public final class SourcingService {
  private final Database db;
  private final ReplicatedWriter writer;
  private final OfficeService offices;
  private final OfferFacts offers;
  private final WallClock clock;
  private final SourcingReads reads;
  private final Access access;

  public SourcingService(
      Database db,
      ReplicatedWriter writer,
      OfficeService offices,
      OfferFacts offers,
      WallClock clock,
      Access access) {
    this.db = db;
    this.writer = writer;
    this.offices = offices;
    this.offers = offers;
    this.clock = clock;
    this.reads = new SourcingReads(db, offers::poolShares);
    this.access = access;
  }

  /** Creates a list; its occupation comes from the offer when there is one. */
  public UUID create(NewList n) {
    access.require(Permission.LISTS_WRITE);
    if (n.name() == null || n.name().isBlank()) {
      throw InvalidInputException.of("lists.error.nameRequired", "name: required");
    }
    ControlCharacters.require("name", n.name(), false, "lists.error.nameControl");
    String rome = n.romeCode();
    if (n.offerId() != null) {
      rome =
          offers
              .offerOccupation(n.offerId())
              .orElseThrow(
                  () -> InvalidInputException.of("error.gone", "offer: no offer " + n.offerId()));
    }
    if (rome == null || rome.isBlank()) {
      throw InvalidInputException.of(
          "lists.error.occupationRequired",
          "occupation: required (from an offer or an occupation)");
    }
    String romeCode = rome;
    return db.dsl()
        .transactionResult(
            cfg -> {
              SourcingListRecord r = cfg.dsl().newRecord(SOURCING_LIST);
              r.setOfficeId(offices.current().map(o -> o.id()).orElse(null));
              r.setOwnerId(n.ownerId());
              r.setName(n.name().trim());
              r.setOfferId(n.offerId());
              r.setRomeCode(romeCode);
              r.setSharedOfficeId(n.sharedOfficeId());
              r.setCreatedOn(today());
              writer.insert(cfg.dsl(), r);
              return r.getId();
            });
  }

  /** Whether each candidate can be added to the list (the shared-list consent rule included). */
  public Map<UUID, Eligibility> eligibility(UUID listId, Collection<UUID> candidateIds) {
    access.require(Permission.LISTS_READ);
    return eligibility(db.dsl(), liveList(db.dsl(), listId), candidateIds);
  }

  /**
   * Adds the eligible candidates (status PROPOSED, first history event dated now) and reports the
   * others with why, in one transaction. {@code scores} may give each candidate's match score.
   */
  public AddReport add(UUID listId, Collection<UUID> candidateIds, Map<UUID, Integer> scores) {
    access.require(Permission.LISTS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              SourcingListRecord list = liveList(tx, listId);
              Map<UUID, Eligibility> verdicts = eligibility(tx, list, candidateIds);
              Map<UUID, Eligibility> refused = new LinkedHashMap<>();
              int added = 0;
              String now = now();
              for (var v : verdicts.entrySet()) {
                if (v.getValue() != Eligibility.OK) {
                  refused.put(v.getKey(), v.getValue());
                  continue;
                }
                SourcingEntryRecord e = tx.newRecord(SOURCING_ENTRY);
                e.setListId(listId);
                e.setCandidateId(v.getKey());
                e.setStatus(PipelineStatus.PROPOSED.name());
                e.setHistory(
                    HistoryJson.write(
                        List.of(new HistoryEvent(now, null, PipelineStatus.PROPOSED, null))));
                e.setAddedOn(today());
                e.setScore(scores == null ? null : scores.get(v.getKey()));
                writer.insert(tx, e);
                added++;
              }
              return new AddReport(added, refused);
            });
  }

  /** Moves an entry to {@code status}, appending a dated event; one transaction. */
  public void move(UUID entryId, PipelineStatus status, String note) {
    access.require(Permission.LISTS_WRITE);
    ControlCharacters.require("note", note, true, "lists.error.noteControl");
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              SourcingEntryRecord e =
                  tx.selectFrom(SOURCING_ENTRY)
                      .where(SOURCING_ENTRY.ID.eq(entryId))
                      .and(SOURCING_ENTRY.DELETED.isFalse())
                      .fetchOptional()
                      .orElseThrow(
                          () -> InvalidInputException.of("error.gone", "No list entry " + entryId));
              PipelineStatus from =
                  e.getStatus() == null ? null : PipelineStatus.valueOf(e.getStatus());
              if (from == status) {
                return;
              }
              List<HistoryEvent> history = HistoryJson.read(e.getHistory());
              history.add(
                  new HistoryEvent(
                      now(), from, status, note == null || note.isBlank() ? null : note.trim()));
              e.setStatus(status.name());
              e.setHistory(HistoryJson.write(history));
              writer.update(tx, e);
            });
  }

  /** Removes an entry from its list (a tombstone); the UI asks first. */
  public void remove(UUID entryId) {
    access.require(Permission.LISTS_WRITE);
    db.dsl().transaction(cfg -> writer.delete(cfg.dsl(), SOURCING_ENTRY, entryId));
  }

  /** Closes (or reopens with null) a list. */
  public void close(UUID listId, LocalDate on) {
    access.require(Permission.LISTS_WRITE);
    db.dsl()
        .transaction(
            cfg -> {
              SourcingListRecord r = liveList(cfg.dsl(), listId);
              r.setClosedOn(on);
              writer.update(cfg.dsl(), r);
            });
  }

  /**
   * The owner given to new lists: the signed-in account's counselor, else the counselor named by
   * the local setting {@code sourcing.defaultOwner}, else the office's only counselor, else none.
   */
  public Optional<UUID> defaultOwner() {
    access.require(Permission.LISTS_READ);
    Optional<UUID> mine = access.counselorId();
    if (mine.isPresent()) {
      return mine;
    }
    DSLContext dsl = db.dsl();
    String set =
        dsl.select(SETTING.VAL)
            .from(SETTING)
            .where(SETTING.NAME.eq("sourcing.defaultOwner"))
            .fetchOptional(SETTING.VAL)
            .orElse(null);
    if (set != null && !set.isBlank()) {
      return Optional.of(UUID.fromString(set.trim()));
    }
    UUID office = offices.current().map(o -> o.id()).orElse(null);
    List<UUID> ids =
        dsl.select(COUNSELOR.ID)
            .from(COUNSELOR)
            .where(COUNSELOR.DELETED.isFalse())
            .and(office == null ? DSL.trueCondition() : COUNSELOR.OFFICE_ID.eq(office))
            .limit(2)
            .fetch(COUNSELOR.ID);
    return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
  }

  /** Lists of this office (of one owner when {@code ownerId} is given), newest first. */
  public List<SourcingList> lists(UUID ownerId, boolean includeClosed) {
    access.require(Permission.LISTS_READ);
    return reads.lists(ownerId, includeClosed);
  }

  /** How many times {@link #lists} read every entry and criterion again (tests, ADR 0205). */
  int listsReadWhole() {
    return reads.fullReads();
  }

  public Optional<SourcingList> find(UUID listId) {
    access.require(Permission.LISTS_READ);
    return reads.list(listId);
  }

  /**
   * The entries of a list, in pipeline order then by name; sensitive criteria (RQTH, AAH) left out
   * (they are shown only in a person's file, after an audited "show"); the phone and e-mail given
   * only to an account that reads candidates' files (as a meeting's participants).
   */
  public List<SourcingEntry> entries(UUID listId) {
    access.require(Permission.LISTS_READ);
    boolean contacts = access.has(Permission.CANDIDATES_READ);
    return reads.entries(listId).stream().map(e -> masked(e, contacts)).toList();
  }

  /**
   * Writes the entries of a list, as its table shows them, to a .csv (French Excel) or .xlsx file;
   * audited as an export of personal data. The number of people written.
   */
  public int export(UUID listId, java.nio.file.Path file) {
    List<SourcingEntry> shown = entries(listId);
    SourcingList list =
        find(listId)
            .orElseThrow(
                () -> InvalidInputException.of("error.gone", "No sourcing list " + listId));
    ListFile.write(file, shown, access.has(Permission.CANDIDATES_READ));
    access
        .audit()
        .record(
            fr.passerelle.security.AuditAction.EXPORT,
            null,
            "liste " + list.name(),
            shown.size() + " personnes, " + file.getFileName());
    return shown.size();
  }

  private static SourcingEntry masked(SourcingEntry e, boolean contacts) {
    Set<String> shown = new java.util.TreeSet<>();
    for (String c : e.criteria()) {
      if (!fr.passerelle.candidates.PriorityCriterion.parse(c)
          .map(fr.passerelle.candidates.PriorityCriterion::sensitive)
          .orElse(false)) {
        shown.add(c);
      }
    }
    return shown.size() == e.criteria().size() && contacts ? e : e.withCriteria(shown, contacts);
  }

  private Map<UUID, Eligibility> eligibility(
      DSLContext ctx, SourcingListRecord list, Collection<UUID> ids) {
    Map<UUID, Eligibility> out = new LinkedHashMap<>();
    Set<UUID> live =
        new HashSet<>(
            ctx.select(CANDIDATE.ID)
                .from(CANDIDATE)
                .where(InLists.in(CANDIDATE.ID, ids))
                .and(CANDIDATE.DELETED.isFalse())
                .fetch(CANDIDATE.ID));
    Set<UUID> present =
        new HashSet<>(
            ctx.select(SOURCING_ENTRY.CANDIDATE_ID)
                .from(SOURCING_ENTRY)
                .where(SOURCING_ENTRY.LIST_ID.eq(list.getId()))
                .and(SOURCING_ENTRY.DELETED.isFalse())
                .fetch(SOURCING_ENTRY.CANDIDATE_ID));
    Set<UUID> consenting =
        list.getSharedOfficeId() == null
            ? Set.of()
            : new HashSet<>(
                ctx.select(CANDIDATE_CONSENT.CANDIDATE_ID)
                    .from(CANDIDATE_CONSENT)
                    .where(InLists.in(CANDIDATE_CONSENT.CANDIDATE_ID, ids))
                    .and(CANDIDATE_CONSENT.DELETED.isFalse())
                    .and(CANDIDATE_CONSENT.SHARE.isTrue())
                    .fetch(CANDIDATE_CONSENT.CANDIDATE_ID));
    for (UUID id : ids) {
      Eligibility e;
      if (list.getClosedOn() != null) {
        e = Eligibility.LIST_CLOSED;
      } else if (!live.contains(id)) {
        e = Eligibility.UNKNOWN_CANDIDATE;
      } else if (present.contains(id)) {
        e = Eligibility.ALREADY_IN_LIST;
      } else if (list.getSharedOfficeId() != null && !consenting.contains(id)) {
        e = Eligibility.NO_SHARE_CONSENT;
      } else {
        e = Eligibility.OK;
      }
      out.put(id, e);
    }
    return out;
  }

  private static SourcingListRecord liveList(DSLContext ctx, UUID id) {
    return ctx.selectFrom(SOURCING_LIST)
        .where(SOURCING_LIST.ID.eq(id))
        .and(SOURCING_LIST.DELETED.isFalse())
        .fetchOptional()
        .orElseThrow(() -> InvalidInputException.of("error.gone", "No sourcing list " + id));
  }

  private LocalDate today() {
    return clock.today();
  }

  private String now() {
    return Instant.ofEpochMilli(clock.millis()).toString();
  }

  // ------------------------------------------------------------------ undo (added last: #19)

  /**
   * Puts back an entry just removed (the view's "Annuler" after "Retirer de la liste", #19): the
   * same row — its tombstone brought back to life, same id, so that partners' offices see the
   * removal undone rather than a removal and another entry added (ADR 0203) — with the candidate's
   * status, dated history, date added and score. Recorded in the audit trail as a change of the
   * entry ({@code RECORD_SAVED} of its new version, as a participant put back, ADR 0201). Refused
   * if the list is gone, or the candidate is on it again (re-added, or this row put back already).
   */
  public SourcingEntry restore(SourcingEntry removed) {
    access.require(Permission.LISTS_WRITE);
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              liveList(tx, removed.listId());
              boolean again =
                  tx.fetchExists(
                      SOURCING_ENTRY,
                      SOURCING_ENTRY
                          .LIST_ID
                          .eq(removed.listId())
                          .and(SOURCING_ENTRY.CANDIDATE_ID.eq(removed.candidateId()))
                          .and(SOURCING_ENTRY.DELETED.isFalse()));
              if (again) {
                throw again(removed);
              }
              SourcingEntryRecord e =
                  writer
                      .putBack(
                          tx,
                          SOURCING_ENTRY,
                          removed.id(),
                          r -> {
                            r.setListId(removed.listId());
                            r.setCandidateId(removed.candidateId());
                            r.setStatus(removed.status() == null ? null : removed.status().name());
                            r.setHistory(HistoryJson.write(removed.history()));
                            r.setAddedOn(removed.addedOn());
                            r.setScore(removed.score());
                          })
                      .orElseThrow(() -> again(removed)); // live on another list
              access
                  .audit()
                  .saved(
                      tx,
                      removed.candidateId(),
                      SOURCING_ENTRY,
                      e.getId(),
                      EditLocks.version(e, SOURCING_ENTRY));
              return removed;
            });
  }

  /** Refuses to put {@code entry}'s candidate back on a list they are on again. */
  private static InvalidInputException again(SourcingEntry entry) {
    String name = entry.displayName().trim();
    return InvalidInputException.of("lists.error.again", name + " is on this list again.", name);
  }
}
