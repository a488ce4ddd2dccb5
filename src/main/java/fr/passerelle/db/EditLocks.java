package fr.passerelle.db;

import static fr.passerelle.db.ReplicatedTables.*;
import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.core.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Optimistic locking of the rows counselors edit in forms (ADR 0177). A form keeps the {@link
 * RowVersion} it loaded; the save, inside its transaction, locks the row ({@code SELECT … FOR
 * UPDATE}, so that two saves of one row are serialised on H2 as on PostgreSQL) and is refused with
 * an {@link EditConflictException} when the stored version is another one. Who wrote that version,
 * and when, is read from the audit trail's {@code RECORD_SAVED} entry for it (subject {@code
 * "<table> <id>"}, details the version), else the row's hybrid clock gives the time.
 */
public final class EditLocks {
  /** The audit action of a form's save (security's {@code AuditAction.RECORD_SAVED}). */
  public static final String RECORD_SAVED = "RECORD_SAVED";

  private EditLocks() {}

  /** The version of a row read from the database (its last write's dot). */
  public static RowVersion version(Record row, Table<?> table) {
    UUID replica = row.get(col(table, DOT_REPLICA));
    Long seq = row.get(col(table, DOT_SEQ));
    return replica == null || seq == null ? null : new RowVersion(replica, seq);
  }

  /**
   * Clears the changed flag of the fields of {@code r} set to the value they had (jOOQ flags every
   * field set), so that saving an unchanged form writes no new version — which would refuse a
   * colleague's form for nothing. True when a field is still changed (the save writes).
   */
  public static boolean unmarkUnchanged(org.jooq.UpdatableRecord<?> r) {
    for (org.jooq.Field<?> f : r.fields()) {
      if (r.changed(f) && Objects.equals(r.get(f), r.original(f))) {
        r.changed(f, false);
      }
    }
    return r.changed();
  }

  /** The subject of the audit entries about row {@code id} of {@code table}. */
  public static String subject(Table<?> table, UUID id) {
    return table.getName().toLowerCase(Locale.ROOT) + " " + id;
  }

  /**
   * Locks row {@code id} of {@code table} until the transaction ends and checks it is still at
   * version {@code loaded}: refused with {@link EditConflictException} (nothing written) when it
   * was saved since, with {@code error.gone} when it was deleted meanwhile. A null {@code loaded}
   * (a caller that loaded no version: imports, the command line) only locks and checks existence.
   */
  public static void check(DSLContext tx, Table<?> table, UUID id, RowVersion loaded, String what) {
    check(tx, table, id, loaded, what, false);
  }

  /**
   * {@link #check}, for rows whose deletion is a counselor's action recorded as {@code
   * RECORD_SAVED} of the tombstone's version (a meeting's participant, ADR 0197): a row deleted
   * since {@code loaded} is refused with an {@link EditConflictException} naming who deleted it and
   * when, not only {@code error.gone}. A null {@code loaded} on a deleted row gives {@code
   * error.gone}.
   */
  public static void checkOrDeleted(
      DSLContext tx, Table<?> table, UUID id, RowVersion loaded, String what) {
    check(tx, table, id, loaded, what, true);
  }

  private static void check(
      DSLContext tx,
      Table<?> table,
      UUID id,
      RowVersion loaded,
      String what,
      boolean deletionNamed) {
    Record4<UUID, Long, Long, Boolean> stored =
        tx.select(
                col(table, DOT_REPLICA), col(table, DOT_SEQ), col(table, HLC), col(table, DELETED))
            .from(table)
            .where(col(table, ID).eq(id))
            .and(deletionNamed ? DSL.noCondition() : col(table, DELETED).isFalse())
            .forUpdate()
            .fetchOne();
    boolean deleted = stored != null && Boolean.TRUE.equals(stored.value4());
    if (stored == null || (deleted && loaded == null)) {
      throw InvalidInputException.of("error.gone", what + " " + id + " no longer exists.");
    }
    RowVersion now = new RowVersion(stored.value1(), stored.value2());
    if (loaded == null || Objects.equals(loaded, now)) {
      return;
    }
    var saved =
        tx.select(AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.AT)
            .from(AUDIT_ENTRY)
            .where(AUDIT_ENTRY.SUBJECT.eq(subject(table, id)))
            .and(AUDIT_ENTRY.ACTION.eq(RECORD_SAVED))
            .and(AUDIT_ENTRY.DETAILS.eq(now.toString()))
            .orderBy(AUDIT_ENTRY.AT.desc())
            .limit(1)
            .fetchOne();
    Instant when =
        saved != null
            ? saved.value2().toInstant()
            : Instant.ofEpochMilli(Hlc.physicalMillis(stored.value3()));
    throw new EditConflictException(what, saved == null ? null : saved.value1(), when);
  }
}
