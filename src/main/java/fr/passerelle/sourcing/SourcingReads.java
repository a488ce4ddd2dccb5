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

  /** ROME code → {pool, with a priority criterion, with RQTH} (the offers' candidate pool). */
  /** Past this many lists, their figures are read for every list and filtered here. */
  static final int IN_LIST_MAX = 50;

  private final java.util.function.Function<Collection<String>, Map<String, int[]>> poolShares;

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
    return summaries(dsl, c);
  }

  Optional<SourcingList> list(UUID id) {
    return summaries(db.dsl(), SOURCING_LIST.ID.eq(id).and(SOURCING_LIST.DELETED.isFalse()))
        .stream()
        .findFirst();
  }

  private List<SourcingList> summaries(DSLContext dsl, Condition c) {
    var shared = OFFICE.as("shared");
    Field<String> owner = DSL.concat(COUNSELOR.FIRST_NAME, DSL.inline(" "), COUNSELOR.LAST_NAME);
    List<Record> rows =
        dsl
            .select(SOURCING_LIST.fields())
            .select(JOB_OFFER.TITLE, OCCUPATION.LABEL, owner, shared.NAME)
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
    List<UUID> ids = rows.stream().map(r -> r.get(SOURCING_LIST.ID)).toList();
    Map<UUID, Map<PipelineStatus, Integer>> pipelines = new HashMap<>();
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
                  pipelines
                      .computeIfAbsent(r.value1(), k -> new EnumMap<>(PipelineStatus.class))
                      .put(PipelineStatus.valueOf(r.value2()), r.value3());
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
              r.get(owner),
              r.get(SOURCING_LIST.SHARED_OFFICE_ID),
              r.get(shared.NAME),
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
                CANDIDATE.FIRST_NAME, CANDIDATE.LAST_NAME, COMMUNE.NAME, CANDIDATE_CONSENT.SHARE)
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
              Boolean.TRUE.equals(r.get(CANDIDATE_CONSENT.SHARE))));
    }
    out.sort(
        Comparator.comparing(SourcingEntry::status)
            .thenComparing(e -> e.lastName() == null ? "" : e.lastName())
            .thenComparing(e -> e.firstName() == null ? "" : e.firstName()));
    return out;
  }
}
