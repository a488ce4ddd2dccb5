package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SYNC_IMPORT;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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

  static final String NOTE_KIND = "sync-import";
  private final Database db;
  private final Identity identity;
  private final ReplicatedWriter writer;
  private final VersionStore store;
  private final WallClock clock;
  private final Journal journal;
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
  }

  /**
   * Imports a sync file: all of it or nothing. A file of more than {@value #CHUNK_ROWS} rows is
   * first checked row by row without storing anything, then applied in transactions of about
   * {@value #CHUNK_ROWS} rows; the last one moves the checkpoint. Killed in between, the import is
   * finished from its kept copy at the next start ({@link #finishInterrupted}); see ADR 0080.
   */
  public ImportReport importFile(Path file, Progress progress) {
    access.require(Permission.SYNC_EXCHANGE);
    String target = file.toAbsolutePath().toString();
    ImportReport r;
    try {
      r = doImport(file, progress);
    } catch (SyncRefusedException e) {
      access
          .audit()
          .record(fr.passerelle.security.AuditAction.SYNC_IMPORTED, null, target, "refused");
      throw e;
    }
    access
        .audit()
        .record(fr.passerelle.security.AuditAction.SYNC_IMPORTED, null, target, r.summary());
    return r;
  }

  private synchronized ImportReport doImport(Path file, Progress progress) {
    finishInterrupted(progress);
    var office = identity.office();
    String fileName = file.getFileName().toString();
    try (SyncFileReader reader =
        SyncFileReader.open(file, db.tempDir(), identity.keys(), ourReplicas())) {
      Manifest m = reader.manifest();
      Verified v = verify(reader, m, fileName, office.organisation());
      ImportReport report;
      if (m.rows() <= CHUNK_ROWS) {
        report =
            db.dsl()
                .transactionResult(
                    cfg -> applyAtOnce(cfg.dsl(), reader, m, v, fileName, office, progress));
      } else {
        report = applyInChunks(reader, m, v, fileName, office, progress);
      }
      catchUp(report, progress);
      return report;
    } catch (RuntimeException e) {
      throw refusal(file, e);
    }
  }

  /**
   * Finishes the sync import a crash or a failure interrupted, if there is one, from the copy of
   * its file kept in the data folder (the next start does it before anything else). Returns its
   * report.
   */
  public synchronized Optional<ImportReport> finishInterrupted(Progress progress) {
    SyncImportRecord pending = db.dsl().selectFrom(SYNC_IMPORT).fetchAny();
    if (pending == null) {
      forgetNotes(); // an import that ended (or never began) just before a crash
      return Optional.empty();
    }
    Path copy = Path.of(pending.getFileCopy());
    var office = identity.office();
    try {
      if (!Files.isRegularFile(copy)) {
        throw ((SyncRefusedException)
            new SyncRefusedException(
                    pending.getFileName()
                        + ": the copy kept to finish its interrupted import is gone. Import the file"
                        + " again.")
                .keyed("sync.refused.copyGone", String.valueOf(pending.getFileName())));
      }
      ImportReport report;
      try (SyncFileReader reader =
          SyncFileReader.open(copy, db.tempDir(), identity.keys(), ourReplicas())) {
        Manifest m = reader.manifest();
        Verified v = verify(reader, m, pending.getFileName(), office.organisation());
        report =
            applyChunks(
                reader,
                m,
                v,
                pending.getFileName(),
                office,
                new Progress.Uncancellable(progress),
                pending);
      }
      db.storeNow(); // finished, on disk, before its note and its copy go
      forgetNotes();
      catchUp(report, progress);
      return Optional.of(report);
    } catch (SyncRefusedException e) {
      abandon(pending.getPeerReplica(), pending.getFileName(), e);
      db.storeNow();
      forgetNotes();
      throw e;
    }
  }

  /**
   * The search index catches up with the committed rows (ADR 0100): a kill during this step leaves
   * an index that goes on from its last committed step at the next start or import.
   */
  private void catchUp(ImportReport report, Progress progress) {
    if (report.outcome() != ImportReport.Outcome.IMPORTED) {
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
    ChunkFailure(String message, Throwable cause) {
      super(2, message, cause);
    }
  }

  /**
   * The sender, checked before the payload is read (ADR 0086): we are a named recipient, the sender
   * is trusted and not revoked; then the parts are hashed and the signature checked.
   */
  private record Verified(
      IdentityCard card, PeerRecord peer, Manifest.Recipient me, boolean sameOrg) {}

  private Verified verify(SyncFileReader r, Manifest m, String fileName, String own) {
    if (m.format() > SyncFormat.FORMAT) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file was made by a newer Passerelle (sync format "
                      + m.format()
                      + "): update Passerelle, then import it again.")
              .keyed("sync.refused.newer", fileName));
    }
    String mine = Schema.version(db.dsl());
    if (m.schema() == null || SyncFormat.compareSchema(m.schema(), mine) > 0) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file was made by a newer Passerelle (database version "
                      + m.schema()
                      + ", this one is "
                      + mine
                      + "): update Passerelle, then import it again.")
              .keyed("sync.refused.newer", fileName));
    }
    Manifest.Recipient me = m.recipient(r.addressedTo());
    if (me == null || m.recipients().size() != countKeys(m)) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": this file was made for "
                      + (m.recipients().isEmpty()
                          ? "another office"
                          : m.recipients().get(0).office())
                      + ", not for this office: it was forwarded. Nothing was imported; ask "
                      + m.sender().office()
                      + " for a file made for this office.")
              .keyed("sync.refused.forwarded", fileName, m.sender().office()));
    }
    IdentityCard card;
    try {
      card = IdentityCard.parse(m.sender().card());
    } catch (IllegalArgumentException e) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName + ": the sender's identity is invalid (" + e.getMessage() + ").")
              .keyed("sync.refused.badSender", fileName));
    }
    PeerRecord peer =
        db.dsl()
            .selectFrom(PEER)
            .where(PEER.REPLICA_ID.eq(m.sender().replicaId()))
            .fetchOptional()
            .filter(p -> IdentityCard.parse(p.getIdentityCard()).sameKeys(card))
            .or(() -> Peers.byKeys(db.dsl(), card))
            .orElseThrow(
                () ->
                    ((SyncRefusedException)
                        new SyncRefusedException(
                                fileName
                                    + ": the file comes from "
                                    + m.sender().office()
                                    + " ("
                                    + m.sender().organisation()
                                    + ", fingerprint "
                                    + card.fingerprint()
                                    + "), which this office does not trust. Compare the fingerprint with"
                                    + " that office by phone, trust its identity card, then import again.")
                            .keyed(
                                "sync.refused.notTrusted",
                                fileName,
                                m.sender().office(),
                                m.sender().organisation())));
    if (peer.getRevokedAt() != null) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file comes from "
                      + peer.getOfficeName()
                      + ", whose trust was revoked here: it is refused.")
              .keyed("sync.refused.revoked", fileName, peer.getOfficeName()));
    }
    if (!card.replicaId().equals(m.sender().replicaId())) {
      throw ((SyncRefusedException)
          new SyncRefusedException(fileName + ": the sender's identity does not match its file.")
              .keyed("sync.refused.badSender", fileName));
    }
    // Only now is the payload read at all: hashed as stored, never past its declared size.
    r.hashParts();
    try {
      Crypto.verifier(IdentityCard.parse(peer.getIdentityCard()).signingKey())
          .verify(r.signature(), r.signedMessage());
    } catch (GeneralSecurityException e) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file's signature does not match its contents (damaged or altered):"
                      + " nothing was imported. Ask the sender for the file again.")
              .keyed("sync.refused.damaged", fileName));
    }
    r.payloadBound();
    return new Verified(card, peer, me, peer.getOrganisation().equals(own));
  }

  private static long countKeys(Manifest m) {
    return m.recipients().stream().map(Manifest.Recipient::replicaId).distinct().count();
  }

  private ImportReport newReport(Manifest m, Verified v, String fileName) {
    ImportReport report = new ImportReport(fileName);
    report.sender(
        m.sender().replicaId(),
        v.peer().getOfficeName(),
        v.peer().getOrganisation(),
        v.me().from(),
        m.to());
    return report;
  }

  /** A file of a few thousand rows: checked and applied in the caller's one transaction. */
  private ImportReport applyAtOnce(
      DSLContext tx,
      SyncFileReader reader,
      Manifest m,
      Verified v,
      String fileName,
      fr.passerelle.office.Office office,
      Progress progress) {
    ImportReport report = newReport(m, v, fileName);
    PeerRecord peer = begin(tx, m, v, fileName, office, report);
    if (peer == null) {
      return report;
    }
    RowApplier rows = rowApplier(tx, report, progress, fileName, peer, v);
    readRows(reader, m, rows);
    finish(tx, rows, peer, m, v, reader.addressedTo(), fileName, office, report);
    return report;
  }

  /**
   * A large file: every row checked first without storing anything (a refusal leaves the database
   * as it was), an automatic backup unless the newest holds this state, then the rows applied in
   * chunks.
   */
  private ImportReport applyInChunks(
      SyncFileReader reader,
      Manifest m,
      Verified v,
      String fileName,
      fr.passerelle.office.Office office,
      Progress progress) {
    ImportReport checked = newReport(m, v, fileName);
    boolean go =
        inTransaction(
            tx -> {
              PeerRecord peer = begin(tx, m, v, fileName, office, checked);
              if (peer != null) {
                readRows(reader, m, rowApplier(tx, checked, progress, fileName, peer, v).dryRun());
              }
              return peer != null;
            },
            false);
    if (!go) {
      return checked; // already imported
    }
    // the way back if a crash damages the file during the import: the state just before it
    new AutoBackups(db, clock).takeUnlessCurrent("import");
    Path kept = db.tempDir().resolve("import-" + UUID.randomUUID() + ".passerelle");
    try {
      reader.keepAs(kept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Journal.Entry note =
        journal.begin(
            NOTE_KIND,
            touchedTables(m),
            Map.of(
                Journal.KEEP_FILE,
                kept.toString(),
                "file",
                fileName,
                "peer",
                m.sender().replicaId().toString(),
                "receivedBefore",
                String.valueOf(
                    v.peer().getReplicaId().equals(m.sender().replicaId())
                        ? v.peer().getReceived()
                        : 0L),
                "to",
                String.valueOf(m.to())));
    ImportReport report =
        applyChunks(reader, m, v, fileName, office, new Progress.Uncancellable(progress), null);
    db.storeNow(); // the import on disk before its note and its copy go
    journal.end(note);
    deleteQuietly(kept);
    return report;
  }

  /**
   * Applies the rows in transactions of about {@value #CHUNK_ROWS}, each recording how far it got
   * in {@code sync_import}; the last one applies the consent rule, moves the checkpoint and deletes
   * that record. {@code pending} is the record of an interrupted import to go on with (null: from
   * the start).
   */
  private ImportReport applyChunks(
      SyncFileReader reader,
      Manifest m,
      Verified v,
      String fileName,
      fr.passerelle.office.Office office,
      Progress progress,
      SyncImportRecord pending) {
    ImportReport report = newReport(m, v, fileName);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      DSLContext tx = db.dsl(c);
      try {
        PeerRecord peer;
        RowApplier rows;
        if (pending == null) {
          peer = begin(tx, m, v, fileName, office, report);
          if (peer == null) {
            c.rollback();
            return report;
          }
          rows = rowApplier(tx, report, progress, fileName, peer, v);
          SyncImportRecord p = tx.newRecord(SYNC_IMPORT);
          p.setPeerReplica(peer.getReplicaId());
          p.setFileName(fileName);
          p.setFileCopy(reader.copyPath().toString());
          p.setToSeq(m.to());
          p.setRowsDone(0L);
          p.setChunkFrom(0L);
          p.setMaxHlc(0L);
          p.setReport(report.save());
          p.setStartedAt(OffsetDateTime.now());
          p.insert();
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
              rowApplier(tx, report, progress, fileName, peer, v)
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
        readRows(reader, m, rows);
        commitChunk.run();
        // a transaction of its own, without rows: the consent rule, the checkpoint, the log
        finish(tx, rows, peer, m, v, reader.addressedTo(), fileName, office, report);
        tx.deleteFrom(SYNC_IMPORT).execute();
        c.commit();
      } catch (SyncRefusedException e) {
        c.rollback();
        abandon(peerOf(m), fileName, e);
        throw e;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw new ChunkFailure(
            fileName
                + ": the import stopped before its end ("
                + e.getMessage()
                + "). What it applied is kept and the rest is applied at the next start of"
                + " Passerelle (or the next import).",
            e);
      }
    } catch (SQLException e) {
      throw new fr.passerelle.db.DatabaseException(
          "Cannot import " + fileName + ": " + e.getMessage(), e);
    }
    // on disk before the copy of the file goes (the next start would finish the import again)
    db.storeNow();
    return report;
  }

  private static UUID peerOf(Manifest m) {
    return m.sender().replicaId();
  }

  private static void commit(Connection c) {
    try {
      c.commit();
    } catch (SQLException e) {
      throw new fr.passerelle.db.DatabaseException("Cannot commit: " + e.getMessage(), e);
    }
  }

  /**
   * A chunked import refused part-way (a check that depends on rows of the same file, which the
   * first pass could not see): the rows already applied stay, each a version from a trusted office;
   * the checkpoint does not move; the consent rule is applied to the persons they touched; the
   * import is not resumed.
   */
  private void abandon(UUID peer, String fileName, SyncRefusedException why) {
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              Optional<SyncImportRecord> p =
                  tx.selectFrom(SYNC_IMPORT)
                      .where(SYNC_IMPORT.PEER_REPLICA.eq(peer))
                      .fetchOptional();
              ConsentEnforcer.apply(
                  tx, store, identity.office().organisation(), new ImportReport(fileName));
              tx.deleteFrom(SYNC_TOUCHED_PERSON).execute();
              tx.deleteFrom(SYNC_IMPORT).execute();
              if (p.isEmpty()) {
                return; // nothing was committed (or it was abandoned already)
              }
              tx.insertInto(SYNC_LOG)
                  .set(SYNC_LOG.AT, OffsetDateTime.now())
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

  /** Forgets the notes of imports that are not pending any more, and their kept copies. */
  private void forgetNotes() {
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

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // in the temporary folder: removed at the next start
    }
  }

  /**
   * Opens the import in {@code tx}: the peer's row (locked), "already imported" (returns null) or a
   * gap (refused), the directory of replicas the file teaches.
   */
  private PeerRecord begin(
      DSLContext tx,
      Manifest m,
      Verified v,
      String fileName,
      fr.passerelle.office.Office office,
      ImportReport report) {
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
    tx.deleteFrom(SYNC_TOUCHED_PERSON).execute();
    Directory.ensureSelf(tx, office.organisation(), office.name());
    String senderOrg = peer.getOrganisation();
    Directory.learn(
        tx, peer.getReplicaId(), senderOrg, peer.getOfficeName(), Directory.Source.CARD);
    for (Directory.Entry e : m.directory() == null ? List.<Directory.Entry>of() : m.directory()) {
      if (v.sameOrg()) {
        Directory.learn(tx, e.replica(), e.organisation(), e.office(), Directory.Source.ORG);
      } else if (senderOrg.equals(e.organisation())) {
        Directory.learn(tx, e.replica(), e.organisation(), e.office(), Directory.Source.PARTNER);
      }
    }
    return peer;
  }

  private RowApplier rowApplier(
      DSLContext tx,
      ImportReport report,
      Progress progress,
      String fileName,
      PeerRecord peer,
      Verified v) {
    return new RowApplier(
        tx,
        store,
        writer,
        report,
        progress,
        new RowApplier.Source(
            fileName,
            peer.getReplicaId(),
            peer.getOfficeName(),
            peer.getOrganisation(),
            v.sameOrg(),
            identity.office().organisation(),
            OffsetDateTime.ofInstant(
                Instant.ofEpochMilli(clock.millis()), ZoneId.systemDefault())));
  }

  private static void readRows(SyncFileReader reader, Manifest m, RowApplier rows) {
    try (InputStream payload = reader.payload()) {
      rows.run(payload, m.counts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the import in {@code tx}: the receiver's consent rule, the clock, the checkpoints and
   * the log, in the same transaction as the last rows.
   */
  private void finish(
      DSLContext tx,
      RowApplier rows,
      PeerRecord peer,
      Manifest m,
      Verified v,
      UUID addressedTo,
      String fileName,
      fr.passerelle.office.Office office,
      ImportReport report) {
    ConsentEnforcer.apply(tx, store, office.organisation(), report);
    tx.deleteFrom(SYNC_TOUCHED_PERSON).execute();
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
    if (addressedTo.equals(identity.replicaId())) {
      peer.setSentAck(Math.max(peer.getSentAck(), Math.min(v.me().ack(), myChangeSeq)));
    }
    peer.setLastImportAt(clock.offsetNow());
    peer.update();
    tx.insertInto(SYNC_LOG)
        .set(SYNC_LOG.AT, clock.offsetNow())
        .set(SYNC_LOG.DIRECTION, "IMPORT")
        .set(SYNC_LOG.PEER_REPLICA, peer.getReplicaId())
        .set(SYNC_LOG.FILE_NAME, fileName)
        .set(SYNC_LOG.FROM_SEQ, v.me().from())
        .set(SYNC_LOG.TO_SEQ, m.to())
        .set(SYNC_LOG.ROW_COUNT, rows.rows())
        .set(SYNC_LOG.OUTCOME, "OK")
        .set(SYNC_LOG.REPORT, report.summary())
        .execute();
  }

  /** The peer row, moved to the sender's new replica id if it was restored (same keys). */
  private PeerRecord peerFor(DSLContext tx, Verified v, Manifest m) {
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
