package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.Database;
import fr.passerelle.db.Hlc;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.VersionStore;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.PeerRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
  private final Database db;
  private final Identity identity;
  private final ReplicatedWriter writer;
  private final VersionStore store;
  private final WallClock clock;
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
  }

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

  private ImportReport doImport(Path file, Progress progress) {
    var office = identity.office();
    String fileName = file.getFileName().toString();
    List<UUID> ours = new ArrayList<>();
    ours.add(identity.replicaId());
    db.dsl()
        .select(REPLICA.ID)
        .from(REPLICA)
        .where(REPLICA.IS_CURRENT.isFalse())
        .fetch(REPLICA.ID)
        .forEach(ours::add);
    try (SyncFileReader reader = SyncFileReader.open(file, identity.keys(), ours)) {
      Manifest m = reader.manifest();
      Verified v = verify(reader, m, fileName, office.organisation());
      ImportReport report =
          db.dsl()
              .transactionResult(cfg -> apply(cfg.dsl(), reader, m, v, fileName, office, progress));
      long t = System.nanoTime();
      // the search index follows the committed rows (ADR 0100): a kill during this step leaves
      // an index that goes on from its last committed step at the next start or import
      int indexed = searchCatchUp.applyAsInt(new Progress.Uncancellable(progress));
      report.searchIndexCaughtUp(indexed, Duration.ofNanos(System.nanoTime() - t));
      return report;
    } catch (SyncRefusedException e) {
      log(file, null, "REFUSED", e.getMessage());
      throw e;
    } catch (UserFacingException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable c = e;
      while (c.getCause() != null && !(c instanceof UserFacingException)) {
        c = c.getCause();
      }
      if (c instanceof UserFacingException u) {
        if (u instanceof SyncRefusedException) {
          log(file, null, "REFUSED", u.getMessage());
        }
        throw u;
      }
      if (c instanceof fr.passerelle.core.CancelledException ce) {
        throw ce;
      }
      SyncRefusedException r =
          new SyncRefusedException(
              fileName
                  + ": the file could not be read to the end ("
                  + c.getMessage()
                  + "): it is damaged or truncated. Nothing was imported; ask the sender for the"
                  + " file again.",
              e);
      log(file, null, "REFUSED", r.getMessage());
      throw r;
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
      throw new SyncRefusedException(
          fileName
              + ": the file was made by a newer Passerelle (sync format "
              + m.format()
              + "): update Passerelle, then import it again.");
    }
    String mine = Schema.version(db.dsl());
    if (m.schema() == null || SyncFormat.compareSchema(m.schema(), mine) > 0) {
      throw new SyncRefusedException(
          fileName
              + ": the file was made by a newer Passerelle (database version "
              + m.schema()
              + ", this one is "
              + mine
              + "): update Passerelle, then import it again.");
    }
    Manifest.Recipient me = m.recipient(r.addressedTo());
    if (me == null || m.recipients().size() != countKeys(m)) {
      throw new SyncRefusedException(
          fileName
              + ": this file was made for "
              + (m.recipients().isEmpty() ? "another office" : m.recipients().get(0).office())
              + ", not for this office: it was forwarded. Nothing was imported; ask "
              + m.sender().office()
              + " for a file made for this office.");
    }
    IdentityCard card;
    try {
      card = IdentityCard.parse(m.sender().card());
    } catch (IllegalArgumentException e) {
      throw new SyncRefusedException(
          fileName + ": the sender's identity is invalid (" + e.getMessage() + ").");
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
                    new SyncRefusedException(
                        fileName
                            + ": the file comes from "
                            + m.sender().office()
                            + " ("
                            + m.sender().organisation()
                            + ", fingerprint "
                            + card.fingerprint()
                            + "), which this office does not trust. Compare the fingerprint with"
                            + " that office by phone, trust its identity card, then import again."));
    if (peer.getRevokedAt() != null) {
      throw new SyncRefusedException(
          fileName
              + ": the file comes from "
              + peer.getOfficeName()
              + ", whose trust was revoked here: it is refused.");
    }
    if (!card.replicaId().equals(m.sender().replicaId())) {
      throw new SyncRefusedException(fileName + ": the sender's identity does not match its file.");
    }
    // Only now is the payload read at all: hashed as stored, never past its declared size.
    r.hashParts();
    try {
      Crypto.verifier(IdentityCard.parse(peer.getIdentityCard()).signingKey())
          .verify(r.signature(), r.signedMessage());
    } catch (GeneralSecurityException e) {
      throw new SyncRefusedException(
          fileName
              + ": the file's signature does not match its contents (damaged or altered):"
              + " nothing was imported. Ask the sender for the file again.");
    }
    r.payloadBound();
    return new Verified(card, peer, me, peer.getOrganisation().equals(own));
  }

  private static long countKeys(Manifest m) {
    return m.recipients().stream().map(Manifest.Recipient::replicaId).distinct().count();
  }

  private ImportReport apply(
      DSLContext tx,
      SyncFileReader reader,
      Manifest m,
      Verified v,
      String fileName,
      fr.passerelle.office.Office office,
      Progress progress) {
    ImportReport report = new ImportReport(fileName);
    report.sender(
        m.sender().replicaId(),
        v.peer().getOfficeName(),
        v.peer().getOrganisation(),
        v.me().from(),
        m.to());
    PeerRecord peer = peerFor(tx, v, m);
    if (m.to() <= peer.getReceived()) {
      report.alreadyImported();
      return report;
    }
    if (v.me().from() > peer.getReceived()) {
      throw new SyncRefusedException(
          fileName
              + ": this file builds on an earlier file from "
              + peer.getOfficeName()
              + " that was not imported here (it starts after change "
              + v.me().from()
              + ", this office has changes up to "
              + peer.getReceived()
              + "): ask "
              + peer.getOfficeName()
              + " for a catch-up file (a full export), or import the missing file first.");
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
    RowApplier rows =
        new RowApplier(
            tx,
            store,
            writer,
            report,
            progress,
            new RowApplier.Source(
                fileName,
                peer.getReplicaId(),
                peer.getOfficeName(),
                senderOrg,
                v.sameOrg(),
                office.organisation(),
                OffsetDateTime.ofInstant(
                    Instant.ofEpochMilli(clock.millis()), ZoneId.systemDefault())));
    try (InputStream payload = reader.payload()) {
      rows.run(payload, m.counts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    if (reader.addressedTo().equals(identity.replicaId())) {
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
    return report;
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
