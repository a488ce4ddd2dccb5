package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.CHANGE_SEQ;
import static fr.passerelle.db.ReplicatedTables.DOT_REPLICA;
import static fr.passerelle.db.ReplicatedTables.DOT_SEQ;
import static fr.passerelle.db.ReplicatedTables.HLC;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SYNC_IMPORT;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.Journal;
import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.VersionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What a rebuilt database (db/Rebuild) needs before it is used again (ADR 0080): the checkpoint of
 * each sync import the crash interrupted goes back to where it was, and the import starts again
 * from the copy of its file kept in the data folder (or, without it, its file is to be imported
 * again); this installation's counters go past every row it holds; the receiver's consent rule is
 * applied to everyone. (The search index is rebuilt from the database by the caller: app/WayBack.)
 */
public final class SyncRecovery {
  private SyncRecovery() {}

  /**
   * What was done: checkpoints rolled back; interrupted imports to apply again from their kept copy
   * at the next open (their checkpoint rolled back too).
   */
  public record Outcome(int checkpointsRolledBack, int importsRestarted) {}

  public static Outcome afterRebuild(
      Database db, ReplicatedWriter writer, List<Journal.Entry> notes, Progress progress) {
    int[] rolledBack = {0};
    int[] restarted = {0};
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (Journal.Entry n : notes) {
                if (n.kind().equals(SyncImporter.NOTE_KIND) && n.detail("receivedBefore") != null) {
                  rolledBack[0] +=
                      tx.update(PEER)
                          .set(PEER.RECEIVED, Long.parseLong(n.detail("receivedBefore")))
                          .where(PEER.REPLICA_ID.eq(UUID.fromString(n.detail("peer"))))
                          .and(PEER.RECEIVED.gt(Long.parseLong(n.detail("receivedBefore"))))
                          .execute();
                }
              }
              tx.deleteFrom(SYNC_IMPORT).execute();
              for (Journal.Entry n : notes) {
                String copy = n.detail(Journal.KEEP_FILE);
                if (n.kind().equals(SyncImporter.NOTE_KIND)
                    && copy != null
                    && Files.isRegularFile(Path.of(copy))) {
                  // the interrupted import starts again from its first row at the next open
                  restarted[0]++;
                  tx.insertInto(SYNC_IMPORT)
                      .set(SYNC_IMPORT.PEER_REPLICA, UUID.fromString(n.detail("peer")))
                      .set(SYNC_IMPORT.FILE_NAME, n.detail("file"))
                      .set(SYNC_IMPORT.FILE_COPY, copy)
                      .set(SYNC_IMPORT.TO_SEQ, Long.parseLong(n.detail("to")))
                      .set(SYNC_IMPORT.ROWS_DONE, 0L)
                      .set(SYNC_IMPORT.CHUNK_FROM, 0L)
                      .set(SYNC_IMPORT.MAX_HLC, 0L)
                      .set(SYNC_IMPORT.REPORT, new ImportReport(n.detail("file")).save())
                      .set(SYNC_IMPORT.STARTED_AT, java.time.OffsetDateTime.now())
                      .execute();
                  // its note, written again by the rebuild, keeps the copy until it is done
                }
              }
              raiseCounters(tx);
              tx.deleteFrom(SYNC_TOUCHED_PERSON).execute();
              tx.insertInto(SYNC_TOUCHED_PERSON, SYNC_TOUCHED_PERSON.ID)
                  .select(
                      DSL.select(CANDIDATE.ID)
                          .from(CANDIDATE)
                          .union(DSL.select(CANDIDATE_CONSENT.ID).from(CANDIDATE_CONSENT)))
                  .execute();
              // our own replica is in the directory once anything was imported: nothing to enforce
              // before that
              Directory.organisationOf(tx, ReplicatedWriter.currentReplica(tx).getId())
                  .ifPresent(
                      own ->
                          ConsentEnforcer.apply(
                              tx, new VersionStore(writer), own, new ImportReport("")));
              tx.deleteFrom(SYNC_TOUCHED_PERSON).execute();
            });
    return new Outcome(rolledBack[0], restarted[0]);
  }

  /**
   * This installation's dot counter, HLC and change sequence set past every row it holds: the
   * rebuilt file may keep rows whose counter update was lost, and a counter must never issue a
   * number twice.
   */
  private static void raiseCounters(DSLContext tx) {
    var me = ReplicatedWriter.currentReplica(tx);
    long seq = me.getSeq();
    long hlc = me.getHlc();
    long changeSeq = me.getChangeSeq();
    for (Table<?> t : ReplicatedTables.ALL) {
      Long s =
          tx.select(DSL.max(col(t, DOT_SEQ)))
              .from(t)
              .where(col(t, DOT_REPLICA).eq(me.getId()))
              .fetchOne(0, Long.class);
      Long h = tx.select(DSL.max(col(t, HLC))).from(t).fetchOne(0, Long.class);
      Long c = tx.select(DSL.max(col(t, CHANGE_SEQ))).from(t).fetchOne(0, Long.class);
      seq = Math.max(seq, s == null ? 0 : s);
      hlc = Math.max(hlc, h == null ? 0 : h);
      changeSeq = Math.max(changeSeq, c == null ? 0 : c);
    }
    tx.update(REPLICA)
        .set(REPLICA.SEQ, seq)
        .set(REPLICA.HLC, hlc)
        .set(REPLICA.CHANGE_SEQ, changeSeq)
        .where(REPLICA.ID.eq(me.getId()))
        .execute();
  }
}
