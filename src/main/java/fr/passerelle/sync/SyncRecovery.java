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
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.Journal;
import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.VersionStore;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.SyncImportRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Sync imports a crash, a failure or a refusal interrupted (ADR 0080).
 *
 * <ul>
 *   <li>{@link #finishInterrupted}: a chunked import interrupted part-way is finished from the copy
 *       of its file kept in the data folder, at the next start or import;
 *   <li>{@link #abandon}: an import refused part-way keeps the rows it applied, its checkpoint does
 *       not move, the receiver's consent rule is applied to the persons they touched;
 *   <li>{@link #afterRebuild}: what a rebuilt database (db/Rebuild) needs before it is used again:
 *       the checkpoint of each sync import the crash interrupted goes back to where it was, and the
 *       import starts again from the copy of its file kept in the data folder (or, without it, its
 *       file is to be imported again); this installation's counters go past every row it holds; the
 *       receiver's consent rule is applied to everyone. (The search index is rebuilt from the
 *       database by the caller: app/WayBack.)
 * </ul>
 *
 * Applying the rows themselves is {@link SyncImporter}'s job: {@link #finishInterrupted} is given
 * the importer's way to go on with a pending import.
 */
public final class SyncRecovery {
  /** The kind of the journal note an import in chunks leaves while it runs. */
  static final String NOTE_KIND = "sync-import";

  private final Database db;
  private final Identity identity;
  private final VersionStore store;
  private final WallClock clock;
  private final Journal journal;

  SyncRecovery(
      Database db, Identity identity, VersionStore store, WallClock clock, Journal journal) {
    this.db = db;
    this.identity = identity;
    this.store = store;
    this.clock = clock;
    this.journal = journal;
  }

  /** How the importer goes on with the pending import {@code pending}, from its kept copy. */
  @FunctionalInterface
  interface Resume {
    SyncImportReport resume(SyncImportRecord pending, Progress progress);
  }

  /**
   * Finishes the sync import a crash or a failure interrupted, if there is one, from the copy of
   * its file kept in the data folder (the next start does it before anything else). Returns its
   * report. A refusal abandons it ({@link #abandon}) and is thrown.
   */
  Optional<SyncImportReport> finishInterrupted(Progress progress, Resume resume) {
    SyncImportRecord pending = db.dsl().selectFrom(SYNC_IMPORT).fetchAny();
    if (pending == null) {
      forgetNotes(); // an import that ended (or never began) just before a crash
      return Optional.empty();
    }
    try {
      if (!Files.isRegularFile(Path.of(pending.getFileCopy()))) {
        throw ((SyncRefusedException)
            new SyncRefusedException(
                    pending.getFileName()
                        + ": the copy kept to finish its interrupted import is gone. Import the file"
                        + " again.")
                .keyed("sync.refused.copyGone", String.valueOf(pending.getFileName())));
      }
      SyncImportReport report = resume.resume(pending, progress);
      db.storeNow(); // finished, on disk, before its note and its copy go
      forgetNotes();
      return Optional.of(report);
    } catch (SyncRefusedException e) {
      abandon(pending.getPeerReplica(), pending.getFileName(), e);
      db.storeNow();
      forgetNotes();
      throw e;
    }
  }

  /**
   * A chunked import refused part-way (a check that depends on rows of the same file, which the
   * first pass could not see): the rows already applied stay, each a version from a trusted office;
   * the checkpoint does not move; the consent rule is applied to the persons they touched; the
   * import is not resumed.
   */
  void abandon(UUID peer, String fileName, SyncRefusedException why) {
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              Optional<SyncImportRecord> p =
                  tx.selectFrom(SYNC_IMPORT)
                      .where(SYNC_IMPORT.PEER_REPLICA.eq(peer))
                      .fetchOptional();
              ConsentEnforcer.apply(
                  tx, store, identity.office().organisation(), new SyncImportReport(fileName));
              TouchedPersons.clear(tx);
              tx.deleteFrom(SYNC_IMPORT).execute();
              if (p.isEmpty()) {
                return; // nothing was committed (or it was abandoned already)
              }
              tx.insertInto(SYNC_LOG)
                  .set(SYNC_LOG.AT, clock.offsetNow())
                  .set(SYNC_LOG.DIRECTION, "IMPORT")
                  .set(SYNC_LOG.PEER_REPLICA, peer)
                  .set(SYNC_LOG.FILE_NAME, fileName)
                  .set(SYNC_LOG.ROW_COUNT, p.get().getRowsDone())
                  .set(SYNC_LOG.OUTCOME, "REFUSED")
                  .set(
                      SYNC_LOG.REPORT,
                      why.getMessage()
                          + " ("
                          + p.get().getRowsDone()
                          + " rows applied before are kept; the checkpoint did not move)")
                  .execute();
            });
  }

  /** Forgets the notes of imports that are not pending any more, and their kept copies. */
  void forgetNotes() {
    for (Journal.Entry e : journal.leftovers()) {
      if (e.kind().equals(NOTE_KIND)) {
        String keep = e.detail(Journal.KEEP_FILE);
        if (keep != null) {
          deleteQuietly(Path.of(keep));
        }
        journal.end(e);
      }
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // in the temporary folder: removed at the next start
    }
  }

  /**
   * Records in {@code tx} the import of {@code fileName} from {@code peer} as pending, from its
   * first row: what {@link #finishInterrupted} goes on with.
   */
  static void recordPending(
      DSLContext tx,
      UUID peer,
      String fileName,
      String copy,
      long toSeq,
      SyncImportReport report,
      OffsetDateTime at) {
    tx.insertInto(SYNC_IMPORT)
        .set(SYNC_IMPORT.PEER_REPLICA, peer)
        .set(SYNC_IMPORT.FILE_NAME, fileName)
        .set(SYNC_IMPORT.FILE_COPY, copy)
        .set(SYNC_IMPORT.TO_SEQ, toSeq)
        .set(SYNC_IMPORT.ROWS_DONE, 0L)
        .set(SYNC_IMPORT.CHUNK_FROM, 0L)
        .set(SYNC_IMPORT.MAX_HLC, 0L)
        .set(SYNC_IMPORT.REPORT, report.save())
        .set(SYNC_IMPORT.STARTED_AT, at)
        .execute();
  }

  /**
   * What was done: checkpoints rolled back; interrupted imports to apply again from their kept copy
   * at the next open (their checkpoint rolled back too).
   */
  public record Outcome(int checkpointsRolledBack, int importsRestarted) {}

  public static Outcome afterRebuild(
      Database db,
      ReplicatedWriter writer,
      WallClock clock,
      List<Journal.Entry> notes,
      Progress progress) {
    int[] rolledBack = {0};
    int[] restarted = {0};
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (Journal.Entry n : notes) {
                if (n.kind().equals(NOTE_KIND) && n.detail("receivedBefore") != null) {
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
                if (n.kind().equals(NOTE_KIND)
                    && copy != null
                    && Files.isRegularFile(Path.of(copy))) {
                  // the interrupted import starts again from its first row at the next open
                  restarted[0]++;
                  recordPending(
                      tx,
                      UUID.fromString(n.detail("peer")),
                      n.detail("file"),
                      copy,
                      Long.parseLong(n.detail("to")),
                      new SyncImportReport(n.detail("file")),
                      clock.offsetNow());
                  // its note, written again by the rebuild, keeps the copy until it is done
                }
              }
              raiseCounters(tx);
              TouchedPersons.clear(tx);
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
                              tx, new VersionStore(writer), own, new SyncImportReport("")));
              TouchedPersons.clear(tx);
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
