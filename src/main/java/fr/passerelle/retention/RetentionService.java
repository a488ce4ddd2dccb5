package fr.passerelle.retention;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static fr.passerelle.db.jooq.Tables.RETENTION_PROPOSAL;
import static fr.passerelle.db.jooq.Tables.RETENTION_PROPOSAL_ITEM;
import static fr.passerelle.db.jooq.Tables.RETENTION_RULE;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.InLists;
import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.security.Principal;
import fr.passerelle.sync.PersonErasure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Retention as data (docs/retention.md): the rules per kind of record, editable by an administrator
 * and audited; a purge proposal computed on demand listing exactly what is due; a manager's
 * confirmation erasing what is still due as tombstones through {@link ReplicatedWriter}, so that
 * the erasure replicates to the offices and partners holding a copy, each record audited. Nothing
 * is erased without a confirmation naming the proposal.
 */
public final class RetentionService {
  /** Longest duration a rule may be set to (100 years): beyond, it is a typing error. */
  public static final int MAX_MONTHS = 1200;

  private final Database db;
  private final WallClock clock;
  private final Access access;
  private final PersonErasure erasure;

  public RetentionService(Database db, ReplicatedWriter writer, WallClock clock, Access access) {
    this.db = db;
    this.clock = clock;
    this.access = access;
    this.erasure = new PersonErasure(writer);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.zone());
  }

  private String actor() {
    return access.principal().map(Principal::actor).orElse(null);
  }

  /** The rules, in their order (no personal data: anyone signed in may read them). */
  public List<RetentionRule> rules() {
    return rules(db.dsl());
  }

  private static List<RetentionRule> rules(DSLContext ctx) {
    return ctx.selectFrom(RETENTION_RULE)
        .orderBy(RETENTION_RULE.POSITION)
        .fetch(
            r ->
                new RetentionRule(
                    RecordKind.valueOf(r.getKind()),
                    r.getMonths(),
                    r.getDefaultMonths(),
                    "SOURCED".equals(r.getBasis()),
                    r.getSource(),
                    r.getUpdatedAt(),
                    r.getUpdatedBy()));
  }

  /**
   * Sets how many months {@code kind} is kept, and optionally its source (null keeps it): an
   * administrator's act, audited with the old and new values. A duration other than the shipped
   * default becomes the office's choice unless a new source is given.
   */
  public RetentionRule setRule(RecordKind kind, int months, String source) {
    access.require(Permission.RETENTION_RULES);
    if (kind == null) {
      throw InvalidInputException.of("retention.error.kind", "Say which kind of record.");
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw InvalidInputException.of(
          "retention.error.months",
          "months: " + months + " is not between 1 and " + MAX_MONTHS + ".",
          months,
          MAX_MONTHS);
    }
    if (source != null && (source.isBlank() || source.length() > 2000)) {
      throw InvalidInputException.of(
          "retention.error.source",
          "source: give the text of the source (at most 2,000 characters).");
    }
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              var r =
                  tx.selectFrom(RETENTION_RULE)
                      .where(RETENTION_RULE.KIND.eq(kind.name()))
                      .forUpdate()
                      .fetchSingle();
              int before = r.getMonths();
              r.setMonths(months);
              if (source != null) {
                r.setSource(source.strip());
                r.setBasis("SOURCED");
              } else if (months != r.getDefaultMonths()) {
                r.setBasis("OFFICE");
              }
              r.setUpdatedAt(now());
              r.setUpdatedBy(actor());
              r.store();
              access
                  .audit()
                  .record(
                      tx,
                      AuditAction.RETENTION_RULE_CHANGED,
                      null,
                      "retention " + kind,
                      before
                          + " -> "
                          + months
                          + " months"
                          + (source != null ? "; source changed" : ""));
              return rules(tx).stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
            });
  }

  private Map<RecordKind, Integer> months(DSLContext ctx) {
    Map<RecordKind, Integer> m = new EnumMap<>(RecordKind.class);
    rules(ctx).forEach(r -> m.put(r.kind(), r.months()));
    return m;
  }

  /**
   * Computes what is due today and keeps it as the open proposal (an earlier open one is
   * superseded). Nothing is erased.
   */
  public PurgeProposal propose() {
    access.require(Permission.RETENTION_PURGE);
    UUID id = UUID.randomUUID();
    LocalDate today = clock.today();
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              List<DueItem> due = new DueRecords(tx, clock.zone(), today).due(months(tx));
              // what is about a person another organisation follows is that organisation's to
              // purge (its rules, its tombstones reach us): never proposed here
              Map<UUID, Boolean> followedElsewhere = new HashMap<>();
              List<DueItem> kept = new ArrayList<>();
              for (DueItem i : due) {
                boolean elsewhere =
                    i.personId() != null
                        && followedElsewhere.computeIfAbsent(
                            i.personId(), p -> erasure.refusal(tx, CANDIDATE, p).isPresent());
                if (!elsewhere) {
                  kept.add(i);
                }
              }
              int elsewhere = (int) followedElsewhere.values().stream().filter(b -> b).count();
              tx.update(RETENTION_PROPOSAL)
                  .set(RETENTION_PROPOSAL.STATUS, PurgeProposal.Status.SUPERSEDED.name())
                  .where(RETENTION_PROPOSAL.STATUS.eq(PurgeProposal.Status.OPEN.name()))
                  .execute();
              tx.insertInto(RETENTION_PROPOSAL)
                  .set(RETENTION_PROPOSAL.ID, id)
                  .set(RETENTION_PROPOSAL.COMPUTED_AT, now())
                  .set(RETENTION_PROPOSAL.AS_OF, today)
                  .set(RETENTION_PROPOSAL.COMPUTED_BY, actor())
                  .set(RETENTION_PROPOSAL.STATUS, PurgeProposal.Status.OPEN.name())
                  .set(RETENTION_PROPOSAL.SKIPPED, elsewhere)
                  .execute();
              var insert =
                  tx.insertInto(
                      RETENTION_PROPOSAL_ITEM,
                      RETENTION_PROPOSAL_ITEM.PROPOSAL_ID,
                      RETENTION_PROPOSAL_ITEM.KIND,
                      RETENTION_PROPOSAL_ITEM.TABLE_NAME,
                      RETENTION_PROPOSAL_ITEM.ROW_ID,
                      RETENTION_PROPOSAL_ITEM.PERSON_ID,
                      RETENTION_PROPOSAL_ITEM.REFERENCE_ON,
                      RETENTION_PROPOSAL_ITEM.DUE_ON);
              var batch = tx.batch(insert.values((UUID) null, null, null, null, null, null, null));
              for (DueItem i : kept) {
                batch.bind(
                    id,
                    i.kind().name(),
                    i.table(),
                    i.rowId(),
                    i.personId(),
                    i.referenceOn(),
                    i.dueOn());
              }
              if (!kept.isEmpty()) {
                batch.execute();
              }
              access
                  .audit()
                  .record(
                      tx,
                      AuditAction.RETENTION_PROPOSED,
                      null,
                      "proposal " + id,
                      kept.size() + " records due on " + today + counts(kept));
            });
    return read(db.dsl(), id).orElseThrow();
  }

  private static String counts(List<DueItem> items) {
    Map<RecordKind, Integer> m = new EnumMap<>(RecordKind.class);
    items.forEach(i -> m.merge(i.kind(), 1, Integer::sum));
    return m.isEmpty() ? "" : " " + m;
  }

  /** A proposal with its records, named for a person to read. */
  public Optional<PurgeProposal> proposal(UUID id) {
    access.require(Permission.RETENTION_PURGE);
    return read(db.dsl(), id);
  }

  /** The open proposal, if one was computed and not yet confirmed or superseded. */
  public Optional<PurgeProposal> openProposal() {
    access.require(Permission.RETENTION_PURGE);
    return db.dsl()
        .select(RETENTION_PROPOSAL.ID)
        .from(RETENTION_PROPOSAL)
        .where(RETENTION_PROPOSAL.STATUS.eq(PurgeProposal.Status.OPEN.name()))
        .orderBy(RETENTION_PROPOSAL.COMPUTED_AT.desc())
        .limit(1)
        .fetchOptional(RETENTION_PROPOSAL.ID)
        .flatMap(id -> read(db.dsl(), id));
  }

  /**
   * The day the next monthly proposal is due: a month after the last confirmed one's day, today if
   * none was ever confirmed. The window shows the proposal from that day on.
   */
  public LocalDate nextProposalDue() {
    access.require(Permission.RETENTION_PURGE);
    return db.dsl()
        .select(org.jooq.impl.DSL.max(RETENTION_PROPOSAL.AS_OF))
        .from(RETENTION_PROPOSAL)
        .where(RETENTION_PROPOSAL.STATUS.eq(PurgeProposal.Status.CONFIRMED.name()))
        .fetchOptional(0, LocalDate.class)
        .map(d -> d.plusMonths(1))
        .orElse(clock.today());
  }

  private Optional<PurgeProposal> read(DSLContext ctx, UUID id) {
    var p = ctx.selectFrom(RETENTION_PROPOSAL).where(RETENTION_PROPOSAL.ID.eq(id)).fetchOne();
    if (p == null) {
      return Optional.empty();
    }
    List<DueItem> items =
        ctx.selectFrom(RETENTION_PROPOSAL_ITEM)
            .where(RETENTION_PROPOSAL_ITEM.PROPOSAL_ID.eq(id))
            .fetch(
                r ->
                    new DueItem(
                        RecordKind.valueOf(r.getKind()),
                        r.getTableName(),
                        r.getRowId(),
                        r.getPersonId(),
                        r.getReferenceOn(),
                        r.getDueOn()));
    items.sort(
        java.util.Comparator.comparing(DueItem::kind)
            .thenComparing(DueItem::referenceOn)
            .thenComparing(DueItem::rowId));
    Labels labels = new Labels(ctx, items);
    return Optional.of(
        new PurgeProposal(
            id,
            p.getComputedAt(),
            p.getAsOf(),
            p.getComputedBy(),
            PurgeProposal.Status.valueOf(p.getStatus()),
            items.stream().map(i -> new PurgeProposal.Line(i, labels.of(i))).toList(),
            p.getSkipped() == null ? 0 : p.getSkipped()));
  }

  /**
   * Erases the records of the open proposal {@code id} that are still due today (a record with a
   * contact since, or whose rule was lengthened, is kept and counted as skipped), in one
   * transaction: tombstones through the replicated writer, one audit entry per record erased and
   * one for the purge. A proposal that is not the open one is refused, nothing erased.
   */
  public PurgeResult purge(UUID id) {
    access.require(Permission.RETENTION_PURGE);
    if (id == null) {
      throw InvalidInputException.of(
          "retention.error.noProposal", "Give the id of the proposal to confirm.");
    }
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              var p =
                  tx.selectFrom(RETENTION_PROPOSAL)
                      .where(RETENTION_PROPOSAL.ID.eq(id))
                      .forUpdate()
                      .fetchOne();
              if (p == null || !PurgeProposal.Status.OPEN.name().equals(p.getStatus())) {
                throw InvalidInputException.of(
                    "retention.error.notOpen",
                    "The proposal "
                        + id
                        + " is not the open proposal (unknown, already confirmed or replaced by a"
                        + " newer one): nothing was erased. Compute a new one with 'retention"
                        + " proposal'.",
                    id);
              }
              LocalDate today = clock.today();
              Set<String> stillDue = new HashSet<>();
              for (DueItem i : new DueRecords(tx, clock.zone(), today).due(months(tx))) {
                stillDue.add(i.table() + "/" + i.rowId());
              }
              Map<RecordKind, Integer> erased = new EnumMap<>(RecordKind.class);
              Map<String, Integer> rows = new LinkedHashMap<>();
              int skipped = 0;
              for (var r :
                  tx.selectFrom(RETENTION_PROPOSAL_ITEM)
                      .where(RETENTION_PROPOSAL_ITEM.PROPOSAL_ID.eq(id))
                      .orderBy(RETENTION_PROPOSAL_ITEM.KIND, RETENTION_PROPOSAL_ITEM.ROW_ID)
                      .fetch()) {
                if (!stillDue.contains(r.getTableName() + "/" + r.getRowId())) {
                  skipped++;
                  continue;
                }
                RecordKind kind = RecordKind.valueOf(r.getKind());
                Map<String, Integer> done = erase(tx, kind, r.getTableName(), r.getRowId());
                if (done.isEmpty()) {
                  skipped++;
                  continue;
                }
                done.forEach((t, n) -> rows.merge(t, n, Integer::sum));
                erased.merge(kind, 1, Integer::sum);
                access
                    .audit()
                    .record(
                        tx,
                        AuditAction.RETENTION_PURGED,
                        r.getPersonId(),
                        r.getTableName() + " " + r.getRowId(),
                        kind + " due on " + r.getDueOn() + ", proposal " + id + ": " + done);
              }
              p.setStatus(PurgeProposal.Status.CONFIRMED.name());
              p.setConfirmedAt(now());
              p.setConfirmedBy(actor());
              p.setErased(erased.values().stream().mapToInt(Integer::intValue).sum());
              p.setSkipped(skipped);
              p.store();
              access
                  .audit()
                  .record(
                      tx,
                      AuditAction.RETENTION_PURGED,
                      null,
                      "proposal " + id,
                      "confirmed: "
                          + erased
                          + " erased, "
                          + skipped
                          + " no longer due; rows "
                          + rows);
              return new PurgeResult(id, erased, rows, skipped);
            });
  }

  private Map<String, Integer> erase(DSLContext tx, RecordKind kind, String table, UUID row) {
    if (kind == RecordKind.CANDIDATE_INACTIVE) {
      return erasure.erasePerson(tx, row);
    }
    Table<?> t =
        ReplicatedTables.byName(table)
            .orElseThrow(() -> new IllegalStateException("not a replicated table: " + table));
    int n = erasure.eraseRow(tx, t, row);
    return n == 0 ? Map.of() : Map.of(table, n);
  }

  /** Labels of the records of a proposal, read in a few queries. */
  private static final class Labels {
    private final Map<UUID, String> persons = new HashMap<>();
    private final Map<UUID, String> meetings = new HashMap<>();
    private final Map<UUID, String> lists = new HashMap<>();
    private final Map<UUID, String> paths = new HashMap<>();

    Labels(DSLContext ctx, List<DueItem> items) {
      Set<UUID> people = new HashSet<>();
      Set<UUID> participants = new HashSet<>();
      Set<UUID> entries = new HashSet<>();
      Set<UUID> trainings = new HashSet<>();
      for (DueItem i : items) {
        if (i.personId() != null) {
          people.add(i.personId());
        }
        switch (i.kind()) {
          case MEETING_ATTENDANCE -> participants.add(i.rowId());
          case SOURCING_ENTRY -> entries.add(i.rowId());
          case TRAINING_PATH -> trainings.add(i.rowId());
          default -> {}
        }
      }
      for (List<UUID> chunk : chunks(people)) {
        ctx.select(CANDIDATE.ID, CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME)
            .from(CANDIDATE)
            .where(InLists.in(CANDIDATE.ID, chunk))
            .and(CANDIDATE.DELETED.isFalse())
            .forEach(r -> persons.put(r.value1(), name(r.value2(), r.value3())));
      }
      for (List<UUID> chunk : chunks(participants)) {
        ctx.select(
                MEETING_PARTICIPANT.ID,
                MEETING_PARTICIPANT.LAST_NAME,
                MEETING_PARTICIPANT.FIRST_NAME,
                MEETING.TITLE,
                MEETING.STARTS_AT)
            .from(MEETING_PARTICIPANT)
            .leftJoin(MEETING)
            .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
            .where(InLists.in(MEETING_PARTICIPANT.ID, chunk))
            .forEach(
                r -> {
                  String who = name(r.value2(), r.value3());
                  meetings.put(
                      r.value1(),
                      (r.value4() == null ? "Réunion" : r.value4())
                          + (r.value5() == null ? "" : " du " + r.value5().toLocalDate())
                          + (who.isEmpty() ? "" : " — " + who));
                });
      }
      for (List<UUID> chunk : chunks(entries)) {
        ctx.select(SOURCING_ENTRY.ID, SOURCING_LIST.NAME)
            .from(SOURCING_ENTRY)
            .leftJoin(SOURCING_LIST)
            .on(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID))
            .where(InLists.in(SOURCING_ENTRY.ID, chunk))
            .forEach(r -> lists.put(r.value1(), r.value2() == null ? "Liste" : r.value2()));
      }
      for (List<UUID> chunk : chunks(trainings)) {
        ctx.select(TRAINING_PATH.ID, TRAINING_PATH.TITLE)
            .from(TRAINING_PATH)
            .where(InLists.in(TRAINING_PATH.ID, chunk))
            .forEach(r -> paths.put(r.value1(), r.value2() == null ? "Parcours" : r.value2()));
      }
    }

    private static String name(String last, String first) {
      return ((last == null ? "" : last.toUpperCase()) + " " + (first == null ? "" : first)).trim();
    }

    private static List<List<UUID>> chunks(Set<UUID> ids) {
      List<List<UUID>> out = new ArrayList<>();
      List<UUID> all = new ArrayList<>(ids);
      for (int i = 0; i < all.size(); i += 1000) {
        out.add(all.subList(i, Math.min(all.size(), i + 1000)));
      }
      return out;
    }

    String of(DueItem i) {
      String person = i.personId() == null ? null : persons.get(i.personId());
      String what =
          switch (i.kind()) {
            case CANDIDATE_INACTIVE -> null;
            case MEETING_ATTENDANCE -> meetings.get(i.rowId());
            case SOURCING_ENTRY -> lists.get(i.rowId());
            case TRAINING_PATH -> paths.get(i.rowId());
          };
      if (what == null) {
        return person == null ? "(effacé)" : person;
      }
      return person == null || i.kind() == RecordKind.MEETING_ATTENDANCE
          ? what
          : person + " — " + what;
    }
  }
}
