package fr.passerelle.sourcing;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;

import fr.passerelle.db.Database;
import fr.passerelle.db.InLists;
import fr.passerelle.db.Snapshots;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The read side of sourcing lists: summaries with pipeline counts and shares, entries. */
final class SourcingReads {
  private final Database db;

  /** Past this many lists, their figures are read for every list and filtered here. */
  static final int IN_LIST_MAX = 50;

  private static final Field<String> OWNER =
      DSL.concat(COUNSELOR.FIRST_NAME, DSL.inline(" "), COUNSELOR.LAST_NAME).as("owner_name");
  private static final String SHARED_NAME = "shared_office_name";

  private final java.util.function.Function<Collection<String>, Map<String, int[]>> poolShares;
  // every list's figures, followed by change sequence (ADR 0205)
  private final ListFigures figures = new ListFigures();
  // the last rows of lists(): the condition and data version they were read for
  private String rowsKey;
  private List<Record> lastRows;

  SourcingReads(
      Database db, java.util.function.Function<Collection<String>, Map<String, int[]>> poolShares) {
    this.db = db;
    this.poolShares = poolShares;
  }

  List<SourcingList> lists(UUID ownerId, boolean includeClosed) {
    DSLContext dsl = db.dsl();
    Condition c = SOURCING_LIST.DELETED.isFalse();
    UUID office =
        dsl.select(REPLICA.OFFICE_ID)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne(REPLICA.OFFICE_ID);
    if (office != null) {
      c = c.and(SOURCING_LIST.OFFICE_ID.eq(office).or(SOURCING_LIST.SHARED_OFFICE_ID.eq(office)));
    }
    if (ownerId != null) {
      c = c.and(SOURCING_LIST.OWNER_ID.eq(ownerId));
    }
    if (!includeClosed) {
      c = c.and(SOURCING_LIST.CLOSED_ON.isNull());
    }
    // the lists with their offer, owner and partner office, read again only when one of these
    // tables changed (the offer's title: a look-up in 300,000 wide rows per list)
    String key =
        ownerId
            + "/"
            + includeClosed
            + "/"
            + office
            + "/"
            + Snapshots.version(dsl, SOURCING_LIST, JOB_OFFER, COUNSELOR, OFFICE);
    List<Record> rows;
    synchronized (this) {
      rows = key.equals(rowsKey) ? lastRows : null;
    }
    if (rows == null) {
      rows = rows(dsl, c);
      synchronized (this) {
        rowsKey = key;
        lastRows = rows;
      }
    }
    Map<UUID, ListFigures.Figures> all = figures.current(dsl);
    Map<UUID, Map<String, Integer>> statuses = new HashMap<>();
    Map<UUID, int[]> listFigures = new HashMap<>();
    for (Record r : rows) {
      ListFigures.Figures f = all.get(r.get(SOURCING_LIST.ID));
      if (f != null) {
        statuses.put(r.get(SOURCING_LIST.ID), f.statuses());
        listFigures.put(r.get(SOURCING_LIST.ID), new int[] {f.priority(), f.rqth()});
      }
    }
    return assemble(rows, pipelines(statuses), listFigures);
  }

  Optional<SourcingList> list(UUID id) {
    return summaries(db.dsl(), SOURCING_LIST.ID.eq(id).and(SOURCING_LIST.DELETED.isFalse()))
        .stream()
        .findFirst();
  }

  /** How many times {@link #lists} read every entry and criterion (tests). */
  int fullReads() {
    return figures.fullReads();
  }

  /** The lists, their figures read from the database (a few lists: through their index). */
  private List<SourcingList> summaries(DSLContext dsl, Condition c) {
    List<Record> rows = rows(dsl, c);
    List<UUID> ids = rows.stream().map(r -> r.get(SOURCING_LIST.ID)).toList();
    Map<UUID, Map<String, Integer>> statuses = new HashMap<>();
    Map<UUID, int[]> listFigures = new HashMap<>();
    if (!ids.isEmpty()) {
      // H2 tests an IN list of parameters value by value, for every row: past a few dozen lists
      // (the region's 2,744 open lists: 4 s a call), read every live entry and keep the lists asked
      Set<UUID> asked = new HashSet<>(ids);
      Condition ofTheseLists =
          ids.size() <= IN_LIST_MAX ? InLists.in(SOURCING_ENTRY.LIST_ID, ids) : DSL.noCondition();
      dsl.select(SOURCING_ENTRY.LIST_ID, SOURCING_ENTRY.STATUS, DSL.count())
          .from(SOURCING_ENTRY)
          .where(ofTheseLists)
          .and(SOURCING_ENTRY.DELETED.isFalse())
          .groupBy(SOURCING_ENTRY.LIST_ID, SOURCING_ENTRY.STATUS)
          .forEach(
              r -> {
                if (asked.contains(r.value1())) {
                  statuses
                      .computeIfAbsent(r.value1(), k -> new HashMap<>())
                      .put(r.value2(), r.value3());
                }
              });
      Field<Integer> priority = DSL.countDistinct(CANDIDATE_CRITERION.CANDIDATE_ID);
      Field<Integer> rqth =
          DSL.countDistinct(
              DSL.when(CANDIDATE_CRITERION.CRITERION.eq("RQTH"), CANDIDATE_CRITERION.CANDIDATE_ID));
      dsl.select(SOURCING_ENTRY.LIST_ID, priority, rqth)
          .from(SOURCING_ENTRY)
          .join(CANDIDATE_CRITERION)
          .on(CANDIDATE_CRITERION.CANDIDATE_ID.eq(SOURCING_ENTRY.CANDIDATE_ID))
          .where(ofTheseLists)
          .and(SOURCING_ENTRY.DELETED.isFalse())
          .and(CANDIDATE_CRITERION.DELETED.isFalse())
          .groupBy(SOURCING_ENTRY.LIST_ID)
          .forEach(
              r -> {
                if (asked.contains(r.value1())) {
                  listFigures.put(r.value1(), new int[] {r.value2(), r.value3()});
                }
              });
    }
    return assemble(rows, pipelines(statuses), listFigures);
  }

  private static Map<UUID, Map<PipelineStatus, Integer>> pipelines(
      Map<UUID, Map<String, Integer>> statuses) {
    Map<UUID, Map<PipelineStatus, Integer>> out = new HashMap<>();
    statuses.forEach(
        (list, counts) -> {
          Map<PipelineStatus, Integer> p = new EnumMap<>(PipelineStatus.class);
          counts.forEach((status, n) -> p.put(PipelineStatus.valueOf(status), n));
          out.put(list, p);
        });
    return out;
  }

  private static List<Record> rows(DSLContext dsl, Condition c) {
    var shared = OFFICE.as("shared");
    return dsl
        .select(SOURCING_LIST.fields())
        .select(JOB_OFFER.TITLE, OCCUPATION.LABEL, OWNER, shared.NAME.as(SHARED_NAME))
        .from(SOURCING_LIST)
        .leftJoin(JOB_OFFER)
        .on(JOB_OFFER.ID.eq(SOURCING_LIST.OFFER_ID).and(JOB_OFFER.DELETED.isFalse()))
        .leftJoin(OCCUPATION)
        .on(OCCUPATION.ROME_CODE.eq(SOURCING_LIST.ROME_CODE))
        .leftJoin(COUNSELOR)
        .on(COUNSELOR.ID.eq(SOURCING_LIST.OWNER_ID).and(COUNSELOR.DELETED.isFalse()))
        .leftJoin(shared)
        .on(shared.ID.eq(SOURCING_LIST.SHARED_OFFICE_ID).and(shared.DELETED.isFalse()))
        .where(c)
        .orderBy(SOURCING_LIST.CREATED_ON.desc(), SOURCING_LIST.NAME)
        .fetch()
        .stream()
        .map(r -> (Record) r)
        .toList();
  }

  private List<SourcingList> assemble(
      List<Record> rows,
      Map<UUID, Map<PipelineStatus, Integer>> pipelines,
      Map<UUID, int[]> listFigures) {
    Map<String, int[]> pools =
        poolShares.apply(
            rows.stream()
                .map(r -> r.get(SOURCING_LIST.ROME_CODE))
                .filter(Objects::nonNull)
                .toList());
    List<SourcingList> out = new ArrayList<>();
    for (Record r : rows) {
      UUID id = r.get(SOURCING_LIST.ID);
      Map<PipelineStatus, Integer> p =
          pipelines.getOrDefault(id, new EnumMap<>(PipelineStatus.class));
      int size = p.values().stream().mapToInt(Integer::intValue).sum();
      int[] lf = listFigures.getOrDefault(id, new int[2]);
      int[] pf = pools.getOrDefault(r.get(SOURCING_LIST.ROME_CODE), new int[3]);
      out.add(
          new SourcingList(
              id,
              r.get(SOURCING_LIST.NAME),
              r.get(SOURCING_LIST.OFFER_ID),
              r.get(JOB_OFFER.TITLE),
              r.get(SOURCING_LIST.ROME_CODE),
              r.get(OCCUPATION.LABEL),
              r.get(SOURCING_LIST.OWNER_ID),
              r.get(OWNER),
              r.get(SOURCING_LIST.SHARED_OFFICE_ID),
              r.get(SHARED_NAME, String.class),
              r.get(SOURCING_LIST.CREATED_ON),
              r.get(SOURCING_LIST.CLOSED_ON),
              p,
              new Shares(size, lf[0], lf[1], pf[0], pf[1], pf[2])));
    }
    return out;
  }

  List<SourcingEntry> entries(UUID listId) {
    DSLContext dsl = db.dsl();
    List<SourcingEntry> out = new ArrayList<>();
    var rows =
        dsl.select(SOURCING_ENTRY.fields())
            .select(
                CANDIDATE.FIRST_NAME,
                CANDIDATE.LAST_NAME,
                COMMUNE.NAME,
                CANDIDATE_CONSENT.SHARE,
                CANDIDATE.PHONE,
                CANDIDATE.EMAIL)
            .from(SOURCING_ENTRY)
            .leftJoin(CANDIDATE)
            .on(CANDIDATE.ID.eq(SOURCING_ENTRY.CANDIDATE_ID).and(CANDIDATE.DELETED.isFalse()))
            .leftJoin(COMMUNE)
            .on(COMMUNE.INSEE_CODE.eq(CANDIDATE.COMMUNE_CODE))
            .leftJoin(CANDIDATE_CONSENT)
            .on(
                CANDIDATE_CONSENT
                    .CANDIDATE_ID
                    .eq(SOURCING_ENTRY.CANDIDATE_ID)
                    .and(CANDIDATE_CONSENT.DELETED.isFalse()))
            .where(SOURCING_ENTRY.LIST_ID.eq(listId))
            .and(SOURCING_ENTRY.DELETED.isFalse())
            .fetch();
    Map<UUID, Set<String>> criteria = new HashMap<>();
    List<UUID> ids = rows.stream().map(r -> r.get(SOURCING_ENTRY.CANDIDATE_ID)).toList();
    if (!ids.isEmpty()) {
      dsl.select(CANDIDATE_CRITERION.CANDIDATE_ID, CANDIDATE_CRITERION.CRITERION)
          .from(CANDIDATE_CRITERION)
          .where(InLists.in(CANDIDATE_CRITERION.CANDIDATE_ID, ids))
          .and(CANDIDATE_CRITERION.DELETED.isFalse())
          .forEach(r -> criteria.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(r.value2()));
    }
    for (var r : rows) {
      UUID cand = r.get(SOURCING_ENTRY.CANDIDATE_ID);
      // Entries whose candidate is not (or no longer) visible here are skipped: orphans.
      if (r.get(CANDIDATE.LAST_NAME) == null && r.get(CANDIDATE.FIRST_NAME) == null) {
        continue;
      }
      String status = r.get(SOURCING_ENTRY.STATUS);
      out.add(
          new SourcingEntry(
              r.get(SOURCING_ENTRY.ID),
              listId,
              cand,
              r.get(CANDIDATE.FIRST_NAME),
              r.get(CANDIDATE.LAST_NAME),
              r.get(COMMUNE.NAME),
              status == null ? PipelineStatus.PROPOSED : PipelineStatus.valueOf(status),
              HistoryJson.read(r.get(SOURCING_ENTRY.HISTORY)),
              r.get(SOURCING_ENTRY.ADDED_ON),
              r.get(SOURCING_ENTRY.SCORE),
              criteria.getOrDefault(cand, Set.of()),
              Boolean.TRUE.equals(r.get(CANDIDATE_CONSENT.SHARE)),
              r.get(CANDIDATE.PHONE),
              r.get(CANDIDATE.EMAIL)));
    }
    out.sort(
        Comparator.comparing(SourcingEntry::status)
            .thenComparing(e -> e.lastName() == null ? "" : e.lastName())
            .thenComparing(e -> e.firstName() == null ? "" : e.firstName()));
    return out;
  }
}
