package fr.passerelle.db;

import static fr.passerelle.db.ReplicatedTables.*;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.jooq.tables.records.ReplicaRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;

/**
 * The one place that stamps the sync columns of replicated rows. Every local insert, update and
 * delete of a replicated row goes through here, inside the caller's transaction:
 *
 * <pre>{@code
 * db.dsl().transaction(cfg -> {
 *   DSLContext tx = cfg.dsl();
 *   CandidateRecord c = tx.newRecord(CANDIDATE);
 *   c.setLastName("Martin");
 *   writer.insert(tx, c);
 * });
 * }</pre>
 *
 * A write advances this replica's counter (the dot), adds the dot to the row's version vector,
 * ticks the hybrid logical clock and gives the row the next local change sequence. A delete leaves
 * a tombstone: the id and sync columns, every other field cleared.
 */
public final class ReplicatedWriter {
  /**
   * A rule every local insert, update and delete must keep, checked in the writer's transaction; a
   * refusal is thrown and rolls the transaction back.
   */
  @FunctionalInterface
  public interface WriteGuard {
    WriteGuard NONE = (tx, table, id) -> {};

    /** Checked after a local insert or update, the row stored. */
    void check(DSLContext tx, Table<?> table, UUID id);

    /**
     * Why a local insert, update or delete ({@code delete}) of row {@code id} may not be made,
     * asked before it is made (the stored row, if any, still as it was); empty if it may.
     */
    default Optional<UserFacingException> refusal(
        DSLContext tx, Table<?> table, UUID id, boolean delete) {
      return Optional.empty();
    }
  }

  private final WallClock clock;
  private final WriteGuard guard;
  private final TimeOrderedIds ids;

  public ReplicatedWriter(WallClock clock) {
    this(clock, WriteGuard.NONE);
  }

  public ReplicatedWriter(WallClock clock, WriteGuard guard) {
    this.clock = clock;
    this.guard = guard;
    this.ids = new TimeOrderedIds(clock);
  }

  /**
   * Why a local write of row {@code id} of {@code table} would be refused, without making it (an
   * import validates its rows with this before writing any).
   */
  public Optional<UserFacingException> refusal(
      DSLContext tx, Table<?> table, UUID id, boolean delete) {
    return guard.refusal(tx, table, id, delete);
  }

  private void before(DSLContext tx, Table<?> table, UUID id, boolean delete) {
    Optional<UserFacingException> no = guard.refusal(tx, table, id, delete);
    if (no.isPresent()) {
      throw no.get();
    }
  }

  /** The current replica row (read-only view, no lock). */
  public static ReplicaRecord currentReplica(DSLContext ctx) {
    ReplicaRecord r = ctx.selectFrom(REPLICA).where(REPLICA.IS_CURRENT.isTrue()).fetchOne();
    if (r == null) {
      throw new DatabaseException("This installation has no replica id.");
    }
    return r;
  }

  /**
   * Reserves stamps for {@code count} writes in this transaction (locks the replica row until
   * commit). Bulk loaders reserve once per batch.
   */
  public StampBlock reserve(DSLContext tx, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    ReplicaRecord r =
        tx.selectFrom(REPLICA).where(REPLICA.IS_CURRENT.isTrue()).forUpdate().fetchSingle();
    long firstHlc = Hlc.tick(r.getHlc(), clock.millis());
    StampBlock block =
        new StampBlock(r.getId(), r.getSeq() + 1, firstHlc, r.getChangeSeq() + 1, count);
    tx.update(REPLICA)
        .set(REPLICA.SEQ, r.getSeq() + count)
        .set(REPLICA.HLC, firstHlc + count - 1)
        .set(REPLICA.CHANGE_SEQ, r.getChangeSeq() + count)
        .where(REPLICA.ID.eq(r.getId()))
        .execute();
    ChangeNotices.send(tx, r.getChangeSeq() + count);
    return block;
  }

  /**
   * Reserves local change sequences only (no dot, no HLC tick): for versions stored here that were
   * written elsewhere (sync import).
   */
  public long reserveChangeSeqs(DSLContext tx, int count) {
    ReplicaRecord r =
        tx.selectFrom(REPLICA).where(REPLICA.IS_CURRENT.isTrue()).forUpdate().fetchSingle();
    tx.update(REPLICA)
        .set(REPLICA.CHANGE_SEQ, r.getChangeSeq() + count)
        .where(REPLICA.ID.eq(r.getId()))
        .execute();
    ChangeNotices.send(tx, r.getChangeSeq() + count);
    return r.getChangeSeq() + 1;
  }

  /** Inserts a new row (an id is generated if missing), stamped. */
  public <R extends TableRecord<R>> R insert(DSLContext tx, R record) {
    return insert(tx, record, reserve(tx, 1).next());
  }

  /** Inserts a new row with a stamp from a reserved block (bulk loads). */
  public <R extends TableRecord<R>> R insert(DSLContext tx, R record, Stamp stamp) {
    stampNew(record, stamp);
    Table<R> table = record.getTable();
    before(tx, table, record.get(col(table, ID)), false);
    record.attach(tx.configuration());
    record.insert();
    guard.check(tx, table, record.get(col(table, ID)));
    return record;
  }

  /** Sets the sync columns of a new row without storing it (for batch inserts). */
  public <R extends Record> R stampNew(R record, Stamp stamp) {
    Table<?> table = tableOf(record);
    Field<UUID> id = col(table, ID);
    if (record.get(id) == null) {
      record.set(id, ids.next());
    }
    apply(record, table, VersionVector.empty(), stamp, false);
    return record;
  }

  /**
   * Stores the changed fields of a row read from the database, stamped. Nothing is written if no
   * field changed.
   */
  public <R extends UpdatableRecord<R>> R update(DSLContext tx, R record) {
    if (!record.changed()) {
      return record;
    }
    Table<R> table = record.getTable();
    before(tx, table, record.get(col(table, ID)), false);
    String storedVv =
        tx.select(col(table, VV))
            .from(table)
            .where(col(table, ID).eq(record.get(col(table, ID))))
            .fetchOptional(0, String.class)
            .orElseThrow(() -> new DatabaseException("Row not found: " + record.get(ID)));
    apply(record, table, VersionVector.parse(storedVv), reserve(tx, 1).next(), false);
    record.attach(tx.configuration());
    record.update();
    guard.check(tx, table, record.get(col(table, ID)));
    return record;
  }

  /**
   * Brings back row {@code id} of {@code table}, deleted here a moment ago (a counselor's
   * "Annuler", #19, ADR 0201 and 0203): its tombstone, locked until the transaction ends, gets the
   * fields {@code fill} sets and is stored as a new version of the same row ({@link #update}: its
   * version vector after the tombstone's, {@code deleted} false), which partners' offices apply as
   * the deletion undone — not a deletion and another row added. A row absent altogether is inserted
   * with that id. Empty, nothing written, when the row is live (put back already, here or by a
   * partner's file): the caller refuses in its own words.
   */
  public <R extends UpdatableRecord<R>> Optional<R> putBack(
      DSLContext tx, Table<R> table, UUID id, Consumer<R> fill) {
    R r = tx.selectFrom(table).where(col(table, ID).eq(id)).forUpdate().fetchOne();
    if (r != null && !Boolean.TRUE.equals(r.get(col(table, DELETED)))) {
      return Optional.empty();
    }
    boolean tombstone = r != null;
    if (!tombstone) {
      r = tx.newRecord(table);
      r.set(col(table, ID), id);
    }
    fill.accept(r);
    return Optional.of(tombstone ? update(tx, r) : insert(tx, r));
  }

  /** Replaces the row by a tombstone. Returns false if it did not exist or was already deleted. */
  public boolean delete(DSLContext tx, Table<?> table, UUID id) {
    Record stored = tx.selectFrom(table).where(col(table, ID).eq(id)).fetchOne();
    if (stored == null || Boolean.TRUE.equals(stored.get(col(table, DELETED)))) {
      return false;
    }
    before(tx, table, id, true);
    VersionVector vv = VersionVector.parse(stored.get(col(table, VV)));
    Record tomb = tx.newRecord(table);
    tomb.set(col(table, ID), id);
    apply(tomb, table, vv, reserve(tx, 1).next(), true);
    Map<Field<?>, Object> values = new HashMap<>();
    for (Field<?> f : table.fields()) {
      if (!isKeptByTombstone(f)) {
        values.put(f, null);
      }
    }
    for (Field<?> f : SYNC_COLUMNS) {
      Field<?> own = col(table, f);
      values.put(own, tomb.get(own));
    }
    tx.update(table).set(values).where(col(table, ID).eq(id)).execute();
    return true;
  }

  private static void apply(
      Record record, Table<?> table, VersionVector previous, Stamp stamp, boolean deleted) {
    record.set(col(table, DOT_REPLICA), stamp.replica());
    record.set(col(table, DOT_SEQ), stamp.seq());
    record.set(col(table, VV), previous.with(stamp.replica(), stamp.seq()).toString());
    record.set(col(table, HLC), stamp.hlc());
    record.set(col(table, DELETED), deleted);
    record.set(col(table, CHANGE_SEQ), stamp.changeSeq());
  }

  private static Table<?> tableOf(Record record) {
    if (record instanceof TableRecord<?> tr) {
      Table<?> t = tr.getTable();
      if (!isReplicated(t)) {
        throw new IllegalArgumentException(t.getName() + " is not a replicated table");
      }
      return t;
    }
    throw new IllegalArgumentException("not a table record: " + record.getClass());
  }

  /** A run of reserved stamps: consecutive seqs, HLC values and change sequences. */
  public static final class StampBlock {
    private final UUID replica;
    private final long firstSeq;
    private final long firstHlc;
    private final long firstChangeSeq;
    private final int count;
    private int used;

    StampBlock(UUID replica, long firstSeq, long firstHlc, long firstChangeSeq, int count) {
      this.replica = replica;
      this.firstSeq = firstSeq;
      this.firstHlc = firstHlc;
      this.firstChangeSeq = firstChangeSeq;
      this.count = count;
    }

    public Stamp next() {
      if (used >= count) {
        throw new IllegalStateException("stamp block exhausted (" + count + ")");
      }
      int i = used++;
      return new Stamp(replica, firstSeq + i, firstHlc + i, firstChangeSeq + i);
    }

    public int remaining() {
      return count - used;
    }
  }
}
