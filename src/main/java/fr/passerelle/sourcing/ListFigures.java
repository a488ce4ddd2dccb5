package fr.passerelle.sourcing;

import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;

import fr.passerelle.db.InLists;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * Every list's pipeline counts and how many of its people have a priority criterion, or RQTH, kept
 * in memory and followed by change sequence (ADR 0205): the live entries (id → list, candidate,
 * status) and, per candidate on a list, how many live criteria and RQTH criteria they have. A call
 * with no change since the last one reads four indexed maxima and nothing else; a change reads the
 * rows whose change sequence is past the last one seen (an entry added, moved, removed: one row; a
 * criterion added: that person's criteria). What a delta cannot place is read again whole: a
 * criterion's tombstone (it no longer names its candidate), more than {@link #FOLLOW_MAX} rows, a
 * sync file imported or exported (an import may erase rows without a tombstone: the receiver's
 * consent rule), another replica id, a change sequence gone back.
 */
final class ListFigures {
  /** Past this many changed rows, everything is read again rather than followed. */
  static final int FOLLOW_MAX = 5_000;

  /**
   * A list's figures: its live entries by status (as stored: {@link SourcingReads} reads them as
   * {@link PipelineStatus}), its people with a live criterion, with a live RQTH.
   */
  record Figures(Map<String, Integer> statuses, int priority, int rqth) {}

  private record Entry(UUID list, UUID candidate, String status) {}

  private final Map<UUID, Entry> entries = new HashMap<>();
  // candidate → number of live entries naming them (whose criteria are followed)
  private final Map<UUID, Integer> listed = new HashMap<>();
  // candidate on a list → {live criteria, live RQTH criteria}; absent: none
  private final Map<UUID, int[]> criteria = new HashMap<>();
  private String epoch;
  private long entrySeq = -1;
  private long criterionSeq = -1;
  private Map<UUID, Figures> figures;

  /** How many times every entry and criterion were read whole (tests). */
  private int fullReads;

  /** Per list id, its figures as the database holds them now. */
  synchronized Map<UUID, Figures> current(DSLContext dsl) {
    Record4<UUID, Long, Long, Long> now =
        dsl.select(
                DSL.field(dsl.select(REPLICA.ID).from(REPLICA).where(REPLICA.IS_CURRENT.isTrue())),
                DSL.field(dsl.select(DSL.max(SYNC_LOG.ID)).from(SYNC_LOG)),
                DSL.field(dsl.select(DSL.max(SOURCING_ENTRY.CHANGE_SEQ)).from(SOURCING_ENTRY)),
                DSL.field(
                    dsl.select(DSL.max(CANDIDATE_CRITERION.CHANGE_SEQ)).from(CANDIDATE_CRITERION)))
            .fetchOne();
    String nowEpoch = now.value1() + "/" + now.value2();
    long e = now.value3() == null ? 0 : now.value3();
    long c = now.value4() == null ? 0 : now.value4();
    if (!nowEpoch.equals(epoch) || e < entrySeq || c < criterionSeq) {
      readEntries(dsl, e);
      readCriteria(dsl);
      fullReads++;
    } else {
      Set<UUID> newlyListed = new HashSet<>();
      if (e > entrySeq && !followEntries(dsl, e, newlyListed)) {
        readEntries(dsl, e);
        readCriteria(dsl);
        newlyListed.clear();
        fullReads++;
      } else if (c > criterionSeq && !followCriteria(dsl, c, newlyListed)) {
        readCriteria(dsl);
        newlyListed.clear();
        fullReads++;
      }
      if (!newlyListed.isEmpty()) {
        readCriteriaOf(dsl, newlyListed);
      }
    }
    if (e != entrySeq || c != criterionSeq || !nowEpoch.equals(epoch)) {
      figures = null;
    }
    epoch = nowEpoch;
    entrySeq = e;
    criterionSeq = c;
    if (figures == null) {
      figures = count();
    }
    return figures;
  }

  synchronized int fullReads() {
    return fullReads;
  }

  /**
   * The live entries as of {@code upTo}: a row changed since is in the next delta (its version read
   * now could be newer than the criteria read with it).
   */
  private void readEntries(DSLContext dsl, long upTo) {
    entries.clear();
    listed.clear();
    // filtered here: in the query, H2 would walk the change_seq index and read each row
    dsl.select(
            SOURCING_ENTRY.ID,
            SOURCING_ENTRY.LIST_ID,
            SOURCING_ENTRY.CANDIDATE_ID,
            SOURCING_ENTRY.STATUS,
            SOURCING_ENTRY.CHANGE_SEQ)
        .from(SOURCING_ENTRY)
        .where(SOURCING_ENTRY.DELETED.isFalse())
        .forEach(
            r -> {
              if (r.value5() == null || r.value5() <= upTo) {
                put(r.value1(), new Entry(r.value2(), r.value3(), r.value4()));
              }
            });
  }

  /** The criteria of everyone on a list, in one join over the two covering indexes (V11). */
  private void readCriteria(DSLContext dsl) {
    criteria.clear();
    var onLists =
        dsl.selectDistinct(SOURCING_ENTRY.CANDIDATE_ID)
            .from(SOURCING_ENTRY)
            .where(SOURCING_ENTRY.DELETED.isFalse())
            .asTable("e");
    var candidate = onLists.field(SOURCING_ENTRY.CANDIDATE_ID);
    dsl.select(CANDIDATE_CRITERION.CANDIDATE_ID, CANDIDATE_CRITERION.CRITERION)
        .from(onLists)
        .join(CANDIDATE_CRITERION)
        .on(CANDIDATE_CRITERION.CANDIDATE_ID.eq(candidate))
        .where(CANDIDATE_CRITERION.DELETED.isFalse())
        .forEach(
            r -> {
              // the candidates read are those on a list when the join ran: one added since is
              // in the next delta, whose criteria are then read
              if (listed.containsKey(r.value1())) {
                count(r.value1(), r.value2());
              }
            });
  }

  private void readCriteriaOf(DSLContext dsl, Collection<UUID> candidates) {
    candidates.forEach(criteria::remove);
    dsl.select(CANDIDATE_CRITERION.CANDIDATE_ID, CANDIDATE_CRITERION.CRITERION)
        .from(CANDIDATE_CRITERION)
        .where(InLists.in(CANDIDATE_CRITERION.CANDIDATE_ID, candidates))
        .and(CANDIDATE_CRITERION.DELETED.isFalse())
        .forEach(r -> count(r.value1(), r.value2()));
  }

  private void count(UUID candidate, String criterion) {
    int[] n = criteria.computeIfAbsent(candidate, k -> new int[2]);
    n[0]++;
    if ("RQTH".equals(criterion)) {
      n[1]++;
    }
  }

  /** The entries changed up to {@code upTo}; false if there are too many to follow. */
  private boolean followEntries(DSLContext dsl, long upTo, Set<UUID> newlyListed) {
    var rows =
        dsl.select(
                SOURCING_ENTRY.ID,
                SOURCING_ENTRY.LIST_ID,
                SOURCING_ENTRY.CANDIDATE_ID,
                SOURCING_ENTRY.STATUS,
                SOURCING_ENTRY.DELETED)
            .from(SOURCING_ENTRY)
            .where(SOURCING_ENTRY.CHANGE_SEQ.gt(entrySeq))
            .and(SOURCING_ENTRY.CHANGE_SEQ.le(upTo))
            .limit(FOLLOW_MAX + 1)
            .fetch();
    if (rows.size() > FOLLOW_MAX) {
      return false;
    }
    for (var r : rows) {
      Entry before =
          Boolean.FALSE.equals(r.value5())
              ? put(r.value1(), new Entry(r.value2(), r.value3(), r.value4()))
              : entries.remove(r.value1());
      if (Boolean.FALSE.equals(r.value5())
          && r.value3() != null
          && listed.get(r.value3()) == 1
          && (before == null || !r.value3().equals(before.candidate()))) {
        newlyListed.add(r.value3());
      }
      if (before != null) {
        unlist(before.candidate());
      }
    }
    newlyListed.removeIf(k -> !listed.containsKey(k));
    return true;
  }

  /** The criteria changed up to {@code upTo}; false if they must be read again whole. */
  private boolean followCriteria(DSLContext dsl, long upTo, Set<UUID> toRead) {
    var rows =
        dsl.select(CANDIDATE_CRITERION.CANDIDATE_ID, CANDIDATE_CRITERION.DELETED)
            .from(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.CHANGE_SEQ.gt(criterionSeq))
            .and(CANDIDATE_CRITERION.CHANGE_SEQ.le(upTo))
            .limit(FOLLOW_MAX + 1)
            .fetch();
    if (rows.size() > FOLLOW_MAX) {
      return false;
    }
    for (var r : rows) {
      if (!Boolean.FALSE.equals(r.value2())) {
        return false; // a tombstone: whose criterion it was is no longer written on it
      }
      if (listed.containsKey(r.value1())) {
        toRead.add(r.value1());
      }
    }
    return true;
  }

  /** Adds or replaces a live entry; returns the one it replaced. */
  private Entry put(UUID id, Entry e) {
    if (e.candidate() != null) {
      listed.merge(e.candidate(), 1, Integer::sum);
    }
    return entries.put(id, e);
  }

  private void unlist(UUID candidate) {
    if (candidate != null && listed.merge(candidate, -1, Integer::sum) == 0) {
      listed.remove(candidate);
      criteria.remove(candidate);
    }
  }

  /** As the two grouped queries of {@link SourcingReads} count them, for every list. */
  private Map<UUID, Figures> count() {
    Map<UUID, Map<String, Integer>> pipelines = new HashMap<>();
    Map<UUID, Set<UUID>> people = new HashMap<>();
    for (Entry e : entries.values()) {
      pipelines.computeIfAbsent(e.list(), k -> new HashMap<>()).merge(e.status(), 1, Integer::sum);
      if (e.candidate() != null && criteria.containsKey(e.candidate())) {
        people.computeIfAbsent(e.list(), k -> new HashSet<>()).add(e.candidate());
      }
    }
    Map<UUID, Figures> out = new HashMap<>();
    pipelines.forEach(
        (list, pipeline) -> {
          Set<UUID> with = people.getOrDefault(list, Set.of());
          int rqth = (int) with.stream().filter(k -> criteria.get(k)[1] > 0).count();
          out.put(list, new Figures(pipeline, with.size(), rqth));
        });
    out.keySet().removeIf(Objects::isNull);
    return out;
  }
}
