package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SYNC_IMPORT;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;

import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.AutoBackups;
import fr.passerelle.db.Database;
import fr.passerelle.db.Hlc;
import fr.passerelle.db.Journal;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.VersionStore;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.PeerRecord;
import fr.passerelle.db.jooq.tables.records.SyncImportRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Imports a sync file: private copy, structure and signature verified before anything touches the
 * database, checkpoint check, then every row in one transaction (see {@link RowApplier}), the
 * receiver's consent rule, checkpoints, clock and log. Any refusal or failure leaves the database
 * as it was.
 */
public final class SyncImporter {
  static final long CLOCK_CAP_MILLIS = 24L * 3600 * 1000;

  /**
   * Payload rows per transaction of a large import. H2 2.5.252 keeps a commit of this size atomic
   * when the process dies during it; it did not for a commit of 100,000 rows (ADR 0080).
   */
  static final int CHUNK_ROWS = 2_000;

  private final Database db;
  private final Identity identity;
  private final ReplicatedWriter writer;
  private final VersionStore store;
  private final WallClock clock;
  private final Journal journal;
  private final SyncRecovery recovery;
  private final java.util.function.ToIntFunction<Progress> searchCatchUp;
  private final Access access;

  /**
   * {@code searchCatchUp} brings the search index up to the database once an import committed (ADR
   * 0100); it returns the records it re-indexed.
   */
  SyncImporter(
      Database db,
      Identity identity,
      ReplicatedWriter writer,
      WallClock clock,
      java.util.function.ToIntFunction<Progress> searchCatchUp,
      Access access) {
    this.access = access;
    this.db = db;
    this.searchCatchUp = searchCatchUp;
    this.identity = identity;
    this.writer = writer;
    this.store = new VersionStore(writer);
    this.clock = clock;
    this.journal = new Journal(db.dataDir());
    this.recovery = new SyncRecovery(db, identity, store, clock, journal);
  }

  /**
   * Imports a sync file: all of it or nothing. A file of more than {@value #CHUNK_ROWS} rows is
   * first checked row by row without storing anything, then applied in transactions of about
   * {@value #CHUNK_ROWS} rows; the last one moves the checkpoint. Killed in between, the import is
   * finished from its kept copy at the next start ({@link #finishInterrupted}); see ADR 0080.
   */
  public SyncImportReport importFile(Path file, Progress progress) {
    access.require(Permission.SYNC_EXCHANGE);
    String target = file.toAbsolutePath().toString();
    SyncImportReport r;
    try {
      r = doImport(file, progress);
    } catch (SyncRefusedException e) {
      access
          .audit()
          .record(fr.passerelle.security.AuditAction.SYNC_IMPORTED, null, target, "refusé");
      throw e;
    }
    access
        .audit()
        .record(fr.passerelle.security.AuditAction.SYNC_IMPORTED, null, target, r.summary());
    return r;
  }

  private synchronized SyncImportReport doImport(Path file, Progress progress) {
    finishInterrupted(progress);
    try {
      return withVerified(
          file,
          file.getFileName().toString(),
          in -> {
            SyncImportReport report =
                in.m().rows() <= CHUNK_ROWS
                    ? db.dsl()
                        .transactionResult(
                            cfg -> {
                              SyncImportReport r = newReport(in);
                              applyInOne(cfg.dsl(), in, r, progress, false);
                              return r;
                            })
                    : applyInChunks(in, progress);
            catchUp(report, progress);
            return report;
          });
    } catch (RuntimeException e) {
      throw refusal(file, e);
    }
  }

  /**
   * Finishes the sync import a crash or a failure interrupted, if there is one, from the copy of
   * its file kept in the data folder (the next start does it before anything else): see {@link
   * SyncRecovery#finishInterrupted}. Returns its report.
   */
  public synchronized Optional<SyncImportReport> finishInterrupted(Progress progress) {
    Optional<SyncImportReport> report =
        recovery.finishInterrupted(
            progress,
            (pending, p) ->
                withVerified(
                    Path.of(pending.getFileCopy()),
                    pending.getFileName(),
                    in -> applyChunks(in, new Progress.Uncancellable(p), pending)));
    report.ifPresent(r -> catchUp(r, progress));
    return report;
  }

  /**
   * One file being imported: its reader, manifest, checked sender, name, and the receiving office.
   */
  private record Incoming(
      SyncFileReader reader,
      Manifest m,
      SenderCheck.Verified v,
      String fileName,
      fr.passerelle.office.Office office) {}

  /**
   * Opens {@code file}, checks its sender ({@link SenderCheck}), then does {@code work} with it.
   */
  private <T> T withVerified(
      Path file, String fileName, java.util.function.Function<Incoming, T> work) {
    var office = identity.office();
    try (SyncFileReader reader =
        SyncFileReader.open(file, db.tempDir(), identity.keys(), ourReplicas())) {
      Manifest m = reader.manifest();
      SenderCheck.Verified v =
          SenderCheck.verify(db.dsl(), reader, m, fileName, office.organisation());
      return work.apply(new Incoming(reader, m, v, fileName, office));
    }
  }

  /**
   * The search index catches up with the committed rows (ADR 0100): a kill during this step leaves
   * an index that goes on from its last committed step at the next start or import.
   */
  private void catchUp(SyncImportReport report, Progress progress) {
    if (report.outcome() != SyncImportReport.Outcome.IMPORTED) {
      return;
    }
    long t = System.nanoTime();
    int indexed = searchCatchUp.applyAsInt(new Progress.Uncancellable(progress));
    report.searchIndexCaughtUp(indexed, Duration.ofNanos(System.nanoTime() - t));
  }

  private List<UUID> ourReplicas() {
    List<UUID> ours = new ArrayList<>();
    ours.add(identity.replicaId());
    db.dsl()
        .select(REPLICA.ID)
        .from(REPLICA)
        .where(REPLICA.IS_CURRENT.isFalse())
        .fetch(REPLICA.ID)
        .forEach(ours::add);
    return ours;
  }

  /** What a failure of the import is said as: a refusal (logged), or the failure itself. */
  private RuntimeException refusal(Path file, RuntimeException e) {
    String fileName = file.getFileName().toString();
    Throwable c = e;
    while (c.getCause() != null && !(c instanceof UserFacingException)) {
      c = c.getCause();
    }
    if (c instanceof UserFacingException u) {
      if (u instanceof SyncRefusedException) {
        log(file, null, "REFUSED", u.getMessage());
      }
      return u;
    }
    if (c instanceof fr.passerelle.core.CancelledException ce) {
      return ce;
    }
    SyncRefusedException r =
        ((SyncRefusedException)
            new SyncRefusedException(
                    fileName
                        + ": the file could not be read to the end ("
                        + c.getMessage()
                        + "): it is damaged or truncated. Nothing was imported; ask the sender for the"
                        + " file again.",
                    e)
                .keyed("sync.refused.truncated", fileName));
    log(file, null, "REFUSED", r.getMessage());
    return r;
  }

  /** A chunked import stopped by a failure after some of its rows were committed. */
  static final class ChunkFailure extends UserFacingException {
    ChunkFailure(String fileName, Throwable cause) {
      super(
          2,
          fileName
              + ": the import stopped before its end ("
              + cause.getMessage()
              + "). What it applied is kept and the rest is applied at the next start of"
              + " Passerelle (or the next import).",
          cause);
      this.keyed("sync.error.chunkStopped", fileName);
    }
  }

  private SyncImportReport newReport(Incoming in) {
    SyncImportReport report = new SyncImportReport(in.fileName());
    report.sender(
        in.m().sender().replicaId(),
        in.v().peer().getOfficeName(),
        in.v().peer().getOrganisation(),
        in.v().me().from(),
        in.m().to());
    return report;
  }

  /**
   * Every row of the file in {@code tx}, the caller's one transaction: applied, or with {@code
   * checkOnly} read and checked without storing anything. False when the file was imported already.
   */
  private boolean applyInOne(
      DSLContext tx, Incoming in, SyncImportReport report, Progress progress, boolean checkOnly) {
    PeerRecord peer = begin(tx, in, report);
    if (peer == null) {
      return false;
    }
    RowApplier rows = rowApplier(tx, report, progress, in, peer);
    readRows(in, checkOnly ? rows.dryRun() : rows);
    if (!checkOnly) {
      finish(tx, rows, peer, in, report);
    }
    return true;
  }

  /**
   * A large file: every row checked first without storing anything (a refusal leaves the database
   * as it was), an automatic backup unless the newest holds this state, then the rows applied in
   * chunks.
   */
  private SyncImportReport applyInChunks(Incoming in, Progress progress) {
    SyncImportReport checked = newReport(in);
    boolean go = inTransaction(tx -> applyInOne(tx, in, checked, progress, true), false);
    if (!go) {
      return checked; // already imported
    }
    // the way back if a crash damages the file during the import: the state just before it
    new AutoBackups(db, clock).takeUnlessCurrent("import");
    Path kept = db.tempDir().resolve("import-" + UUID.randomUUID() + ".passerelle");
    try {
      in.reader().keepAs(kept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Manifest m = in.m();
    SenderCheck.Verified v = in.v();
    Journal.Entry note =
        journal.begin(
            SyncRecovery.NOTE_KIND,
            touchedTables(m),
            Map.of(
                Journal.KEEP_FILE,
                kept.toString(),
                "file",
                in.fileName(),
                "peer",
                m.sender().replicaId().toString(),
                "receivedBefore",
                String.valueOf(
                    v.peer().getReplicaId().equals(m.sender().replicaId())
                        ? v.peer().getReceived()
                        : 0L),
                "to",
                String.valueOf(m.to())));
    SyncImportReport report = applyChunks(in, new Progress.Uncancellable(progress), null);
    db.storeNow(); // the import on disk before its note and its copy go
    journal.end(note);
    SyncRecovery.deleteQuietly(kept);
    return report;
  }

  /**
   * Applies the rows in transactions of about {@value #CHUNK_ROWS}, each recording how far it got
   * in {@code sync_import}; the last one applies the consent rule, moves the checkpoint and deletes
   * that record. {@code pending} is the record of an interrupted import to go on with (null: from
   * the start).
   */
  private SyncImportReport applyChunks(Incoming in, Progress progress, SyncImportRecord pending) {
    String fileName = in.fileName();
    SyncImportReport report = newReport(in);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      DSLContext tx = db.dsl(c);
      try {
        PeerRecord peer;
        RowApplier rows;
        if (pending == null) {
          peer = begin(tx, in, report);
          if (peer == null) {
            c.rollback();
            return report;
          }
          rows = rowApplier(tx, report, progress, in, peer);
          SyncRecovery.recordPending(
              tx,
              peer.getReplicaId(),
              fileName,
              in.reader().copyPath().toString(),
              in.m().to(),
              report,
              clock.offsetNow());
        } else {
          peer = tx.selectFrom(PEER).where(PEER.REPLICA_ID.eq(pending.getPeerReplica())).fetchOne();
          if (peer == null) {
            throw ((SyncRefusedException)
                new SyncRefusedException(
                        fileName + ": the office that sent it is no longer a partner.")
                    .keyed("sync.refused.noLongerPartner", fileName));
          }
          report.restore(pending.getReport());
          rows =
              rowApplier(tx, report, progress, in, peer)
                  .resume(
                      pending.getChunkFrom(),
                      pending.getRowsDone(),
                      pending.getMaxHlc(),
                      pending.getMaxHlcReplica());
        }
        UUID peerReplica = peer.getReplicaId();
        long[] committed = {rows.rows()};
        Runnable commitChunk =
            () -> {
              tx.update(SYNC_IMPORT)
                  .set(SYNC_IMPORT.CHUNK_FROM, committed[0])
                  .set(SYNC_IMPORT.ROWS_DONE, rows.rows())
                  .set(SYNC_IMPORT.MAX_HLC, rows.maxHlc())
                  .set(SYNC_IMPORT.MAX_HLC_REPLICA, rows.maxHlcReplica())
                  .set(SYNC_IMPORT.REPORT, report.save())
                  .where(SYNC_IMPORT.PEER_REPLICA.eq(peerReplica))
                  .execute();
              commit(c);
              committed[0] = rows.rows();
            };
        rows.afterEachBatch(
            () -> {
              if (rows.rows() - committed[0] >= CHUNK_ROWS) {
                commitChunk.run();
              }
            });
        readRows(in, rows);
        commitChunk.run();
        // a transaction of its own, without rows: the consent rule, the checkpoint, the log
        finish(tx, rows, peer, in, report);
        tx.deleteFrom(SYNC_IMPORT).execute();
        c.commit();
      } catch (SyncRefusedException e) {
        c.rollback();
        recovery.abandon(in.m().sender().replicaId(), fileName, e);
        throw e;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw new ChunkFailure(fileName, e);
      }
    } catch (SQLException e) {
      throw new fr.passerelle.db.DatabaseException(
          "Cannot import " + fileName + ": " + e.getMessage(), e);
    }
    // on disk before the copy of the file goes (the next start would finish the import again)
    db.storeNow();
    return report;
  }

  private static void commit(Connection c) {
    try {
      c.commit();
    } catch (SQLException e) {
      throw new fr.passerelle.db.DatabaseException("Cannot commit: " + e.getMessage(), e);
    }
  }

  private <T> T inTransaction(java.util.function.Function<DSLContext, T> work, boolean commit) {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(db.dsl(c));
        if (commit) {
          c.commit();
        }
        return result;
      } finally {
        if (!commit) {
          c.rollback();
        }
      }
    } catch (SQLException e) {
      throw new fr.passerelle.db.DatabaseException("Cannot import: " + e.getMessage(), e);
    }
  }

  /** The tables an import of this file may write: what the check after a crash reads. */
  private static List<String> touchedTables(Manifest m) {
    List<String> t = new ArrayList<>(m.counts().keySet());
    t.addAll(
        List.of(
            "peer",
            "sync_log",
            "sync_import",
            "sync_touched_person",
            "sync_directory",
            "sync_conflict",
            "sync_quarantine",
            "replica",
            "audit_entry"));
    return t;
  }

  /**
   * Opens the import in {@code tx}: the peer's row (locked), "already imported" (returns null) or a
   * gap (refused), the directory of replicas the file teaches.
   */
  private PeerRecord begin(DSLContext tx, Incoming in, SyncImportReport report) {
    Manifest m = in.m();
    SenderCheck.Verified v = in.v();
    String fileName = in.fileName();
    var office = in.office();
    PeerRecord peer = peerFor(tx, v, m);
    if (m.to() <= peer.getReceived()) {
      report.alreadyImported();
      return null;
    }
    if (v.me().from() > peer.getReceived()) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": this file builds on an earlier file from "
                      + peer.getOfficeName()
                      + " that was not imported here (it starts after change "
                      + v.me().from()
                      + ", this office has changes up to "
                      + peer.getReceived()
                      + "): ask "
                      + peer.getOfficeName()
                      + " for a catch-up file (a full export), or import the missing file first.")
              .keyed("sync.refused.gap", fileName, peer.getOfficeName()));
    }
    TouchedPersons.clear(tx);
    OffsetDateTime now = clock.offsetNow();
    Directory.ensureSelf(tx, now, office.organisation(), office.name());
    String senderOrg = peer.getOrganisation();
    Directory.learn(
        tx, now, peer.getReplicaId(), senderOrg, peer.getOfficeName(), Directory.Source.CARD);
    for (Directory.Entry e : m.directory() == null ? List.<Directory.Entry>of() : m.directory()) {
      if (v.sameOrg()) {
        Directory.learn(tx, now, e.replica(), e.organisation(), e.office(), Directory.Source.ORG);
      } else if (senderOrg.equals(e.organisation())) {
        Directory.learn(
            tx, now, e.replica(), e.organisation(), e.office(), Directory.Source.PARTNER);
      }
    }
    return peer;
  }

  private RowApplier rowApplier(
      DSLContext tx, SyncImportReport report, Progress progress, Incoming in, PeerRecord peer) {
    return new RowApplier(
        tx,
        store,
        writer,
        report,
        progress,
        new RowApplier.Source(
            in.fileName(),
            peer.getReplicaId(),
            peer.getOfficeName(),
            peer.getOrganisation(),
            in.v().sameOrg(),
            identity.office().organisation(),
            OffsetDateTime.ofInstant(
                Instant.ofEpochMilli(clock.millis()), ZoneId.systemDefault())));
  }

  private static void readRows(Incoming in, RowApplier rows) {
    try (InputStream payload = in.reader().payload()) {
      rows.run(payload, in.m().counts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the import in {@code tx}: the receiver's consent rule, the clock, the checkpoints and
   * the log, in the same transaction as the last rows.
   */
  private void finish(
      DSLContext tx, RowApplier rows, PeerRecord peer, Incoming in, SyncImportReport report) {
    Manifest m = in.m();
    SenderCheck.Verified v = in.v();
    ConsentEnforcer.apply(tx, store, in.office().organisation(), report);
    TouchedPersons.clear(tx);
    long now = clock.millis();
    if (rows.maxHlc() > 0 && store.observeClock(tx, rows.maxHlc(), now, CLOCK_CAP_MILLIS)) {
      String ahead =
          Directory.officeOf(tx, rows.maxHlcReplica()).orElse(String.valueOf(rows.maxHlcReplica()));
      report.warn(
          "the clock of "
              + ahead
              + " is ahead (it dates an edit "
              + Instant.ofEpochMilli(Hlc.physicalMillis(rows.maxHlc()))
              + "). Its edits were imported, but this office's clock was moved no further than"
              + " tomorrow: ask that office to set its computer's date right.");
    }
    long myChangeSeq = ReplicatedWriter.currentReplica(tx).getChangeSeq();
    peer.setReceived(m.to());
    if (in.reader().addressedTo().equals(identity.replicaId())) {
      peer.setSentAck(Math.max(peer.getSentAck(), Math.min(v.me().ack(), myChangeSeq)));
    }
    peer.setLastImportAt(clock.offsetNow());
    peer.update();
    tx.insertInto(SYNC_LOG)
        .set(SYNC_LOG.AT, clock.offsetNow())
        .set(SYNC_LOG.DIRECTION, "IMPORT")
        .set(SYNC_LOG.PEER_REPLICA, peer.getReplicaId())
        .set(SYNC_LOG.FILE_NAME, in.fileName())
        .set(SYNC_LOG.FROM_SEQ, v.me().from())
        .set(SYNC_LOG.TO_SEQ, m.to())
        .set(SYNC_LOG.ROW_COUNT, rows.rows())
        .set(SYNC_LOG.OUTCOME, "OK")
        .set(SYNC_LOG.REPORT, report.summary())
        .execute();
  }

  /** The peer row, moved to the sender's new replica id if it was restored (same keys). */
  private PeerRecord peerFor(DSLContext tx, SenderCheck.Verified v, Manifest m) {
    UUID sender = m.sender().replicaId();
    PeerRecord p = tx.selectFrom(PEER).where(PEER.REPLICA_ID.eq(sender)).forUpdate().fetchOne();
    if (p != null) {
      return p;
    }
    PeerRecord old =
        tx.selectFrom(PEER)
            .where(PEER.REPLICA_ID.eq(v.peer().getReplicaId()))
            .forUpdate()
            .fetchSingle();
    old.delete();
    PeerRecord fresh = tx.newRecord(PEER);
    fresh.from(old);
    fresh.setReplicaId(sender);
    fresh.setIdentityCard(v.card().json());
    fresh.setOfficeName(v.card().office());
    fresh.setSentAck(0L);
    fresh.setReceived(0L);
    fresh.setLastImportAt(null);
    fresh.insert();
    return fresh;
  }

  private void log(Path file, UUID peer, String outcome, String message) {
    try {
      db.dsl()
          .insertInto(SYNC_LOG)
          .set(SYNC_LOG.AT, clock.offsetNow())
          .set(SYNC_LOG.DIRECTION, "IMPORT")
          .set(SYNC_LOG.PEER_REPLICA, peer)
          .set(SYNC_LOG.FILE_NAME, file.getFileName().toString())
          .set(SYNC_LOG.OUTCOME, outcome)
          .set(SYNC_LOG.REPORT, message)
          .execute();
    } catch (RuntimeException ignored) {
      // the log is best effort; the refusal itself is what matters
    }
  }
}
