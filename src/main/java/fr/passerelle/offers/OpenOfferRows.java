package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.db.Database;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record9;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * What the hard-to-fill rules read of every open offer (a {@link HardToFillService.Slim} row), kept
 * in memory and followed by the installation's change sequence (ADR 0204): the first call reads the
 * open offers (a range of the covering index {@code job_offer_open}, V80, ADR 0210), a later one
 * reads only the offers whose version changed since (their {@code change_seq} is above the one
 * held: the column's index), and none when the change sequence did not move. Every stored version
 * of a row takes the next change sequence in the transaction that writes it, and those transactions
 * take their numbers one after the other (the replica row is locked until commit), so nothing
 * committed is missed. Another replica id (a restore) or a sequence gone back reads everything
 * again.
 *
 * <p>The rows keep the order in which they were first read, as the index gives them (an offer
 * changed keeps its place, a new one comes last), so that the list's ties stay in the order they
 * had when every call scanned the table.
 */
final class OpenOfferRows {
  /** The open offers at one change sequence: {@code version} changes whenever {@code rows} do. */
  record Snapshot(long version, List<HardToFillService.Slim> rows) {}

  private final Database db;
  // strings shared by many rows (ROME codes, communes, contracts, sources): one copy each
  private final Map<String, String> shared = new HashMap<>();
  private final LinkedHashMap<UUID, HardToFillService.Slim> open = new LinkedHashMap<>();
  private UUID replica;
  private long held = -1;
  private long version;
  private Snapshot snapshot;

  OpenOfferRows(Database db) {
    this.db = db;
  }

  /** The open offers of the database now. */
  synchronized Snapshot current() {
    DSLContext dsl = db.dsl();
    var now =
        dsl.select(REPLICA.ID, REPLICA.CHANGE_SEQ)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne();
    UUID nowReplica = now == null ? null : now.value1();
    long nowSeq = now == null || now.value2() == null ? 0 : now.value2();
    if (snapshot != null && nowSeq == held && java.util.Objects.equals(nowReplica, replica)) {
      return snapshot; // nothing written since
    }
    boolean changed;
    if (snapshot == null || nowSeq < held || !java.util.Objects.equals(nowReplica, replica)) {
      open.clear();
      Condition isOpen = JOB_OFFER.DELETED.isFalse().and(JOB_OFFER.CLOSED_ON.isNull());
      // from the covering index job_offer_open (V80), without the marks' reasons, then those
      slim(dsl, isOpen, DSL.castNull(JOB_OFFER.OVERRIDE_REASON))
          .fetchSize(5000)
          .forEach(this::apply);
      List<UUID> marked =
          open.values().stream()
              .filter(o -> o.override() != null)
              .map(HardToFillService.Slim::id)
              .toList();
      for (int from = 0; from < marked.size(); from += 1000) {
        dsl.select(JOB_OFFER.ID, JOB_OFFER.OVERRIDE_REASON)
            .from(JOB_OFFER)
            .where(
                fr.passerelle.db.InLists.in(
                    JOB_OFFER.ID, marked.subList(from, Math.min(marked.size(), from + 1000))))
            .and(JOB_OFFER.OVERRIDE_REASON.isNotNull())
            .forEach(r -> open.computeIfPresent(r.value1(), (id, o) -> o.because(r.value2())));
      }
      changed = true;
    } else {
      // tombstones and closed offers too: they leave the list
      var rows = slim(dsl, JOB_OFFER.CHANGE_SEQ.gt(held), JOB_OFFER.OVERRIDE_REASON).fetch();
      rows.forEach(this::apply);
      changed = rows.isNotEmpty();
    }
    replica = nowReplica;
    held = nowSeq;
    if (changed) { // another table's change (a candidate, a list) leaves the offers as they were
      snapshot = new Snapshot(++version, List.copyOf(open.values()));
    }
    return snapshot;
  }

  private static SelectConditionStep<
          Record9<UUID, String, String, LocalDate, String, String, String, String, Boolean>>
      slim(DSLContext dsl, Condition which, org.jooq.Field<String> reason) {
    return dsl.select(
            JOB_OFFER.ID,
            JOB_OFFER.ROME_CODE,
            JOB_OFFER.COMMUNE_CODE,
            JOB_OFFER.OPENED_ON,
            JOB_OFFER.HARD_TO_FILL_OVERRIDE,
            reason,
            JOB_OFFER.CONTRACT,
            JOB_OFFER.SOURCE,
            DSL.field(JOB_OFFER.DELETED.isTrue().or(JOB_OFFER.CLOSED_ON.isNotNull())))
        .from(JOB_OFFER)
        .where(which);
  }

  private void apply(
      Record9<UUID, String, String, LocalDate, String, String, String, String, Boolean> r) {
    if (Boolean.TRUE.equals(r.value9())) {
      open.remove(r.value1());
      return;
    }
    open.put(
        r.value1(),
        new HardToFillService.Slim(
            r.value1(),
            share(r.value2()),
            share(r.value3()),
            r.value4(),
            HardToFillService.override(r.value5()),
            r.value6(),
            share(r.value7()),
            share(r.value8())));
  }

  private String share(String s) {
    return s == null ? null : shared.computeIfAbsent(s, k -> k);
  }
}
