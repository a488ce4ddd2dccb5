package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.SYNC_QUARANTINE;

import fr.passerelle.db.Database;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Rows of imported files refused one by one (ADR 0085), kept locally with their reason: the Sync
 * view lists them, {@code sync status} counts them. Only the version's identity is kept, never its
 * content.
 */
public final class Quarantine {
  /** One refused version, with the name of its person when this office holds them. */
  public record Entry(
      OffsetDateTime at,
      String file,
      String senderOffice,
      String senderOrganisation,
      String table,
      UUID rowId,
      UUID personId,
      String personName,
      boolean deletion,
      Refusal reason,
      String holder,
      String message) {}

  private final Database db;

  private final Access access;

  Quarantine(Database db, Access access) {
    this.db = db;
    this.access = access;
  }

  /** Records a refused version (once: the same version refused again is not repeated). */
  static void add(DSLContext tx, Entry e, UUID peer, UUID dotReplica, long dotSeq) {
    tx.insertInto(SYNC_QUARANTINE)
        .set(SYNC_QUARANTINE.AT, e.at())
        .set(SYNC_QUARANTINE.FILE_NAME, e.file())
        .set(SYNC_QUARANTINE.PEER_REPLICA, peer)
        .set(SYNC_QUARANTINE.SENDER_OFFICE, e.senderOffice())
        .set(SYNC_QUARANTINE.SENDER_ORGANISATION, e.senderOrganisation())
        .set(SYNC_QUARANTINE.TABLE_NAME, e.table())
        .set(SYNC_QUARANTINE.ROW_ID, e.rowId())
        .set(SYNC_QUARANTINE.PERSON_ID, e.personId())
        .set(SYNC_QUARANTINE.DOT_REPLICA, dotReplica)
        .set(SYNC_QUARANTINE.DOT_SEQ, dotSeq)
        .set(SYNC_QUARANTINE.DELETION, e.deletion())
        .set(SYNC_QUARANTINE.REASON, e.reason().name())
        .set(SYNC_QUARANTINE.HOLDER, e.holder())
        .set(SYNC_QUARANTINE.MESSAGE, e.message())
        .onConflictDoNothing()
        .execute();
  }

  /** The latest refused rows, most recent first. */
  public List<Entry> latest(int limit) {
    access.require(Permission.SYNC_EXCHANGE);
    var q = SYNC_QUARANTINE;
    return db.dsl()
        .select(q.fields())
        .select(CANDIDATE.FIRST_NAME, CANDIDATE.LAST_NAME)
        .from(q)
        .leftJoin(CANDIDATE)
        .on(CANDIDATE.ID.eq(q.PERSON_ID).and(CANDIDATE.DELETED.isFalse()))
        .orderBy(q.AT.desc(), q.ID.desc())
        .limit(limit)
        .fetch(
            r ->
                new Entry(
                    r.get(q.AT),
                    r.get(q.FILE_NAME),
                    r.get(q.SENDER_OFFICE),
                    r.get(q.SENDER_ORGANISATION),
                    r.get(q.TABLE_NAME),
                    r.get(q.ROW_ID),
                    r.get(q.PERSON_ID),
                    name(r.get(CANDIDATE.FIRST_NAME), r.get(CANDIDATE.LAST_NAME)),
                    r.get(q.DELETION),
                    Refusal.valueOf(r.get(q.REASON)),
                    r.get(q.HOLDER),
                    r.get(q.MESSAGE)));
  }

  /** How many rows were refused since this installation exists. */
  public int count() {
    return db.dsl().fetchCount(SYNC_QUARANTINE);
  }

  private static String name(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
  }
}
