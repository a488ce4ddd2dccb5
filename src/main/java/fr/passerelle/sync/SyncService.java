package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.SYNC_LOG;

import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.office.OfficeService;
import fr.passerelle.security.Access;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Sync by file export (protocol v1): this installation's identity, its peers, export, import,
 * conflicts, status and digest. Built once by {@code app/Services}.
 */
public final class SyncService {
  private final Database db;
  private final Identity identity;
  private final Peers peers;
  private final SyncExporter exporter;
  private final SyncImporter importer;
  private final Conflicts conflicts;
  private final Quarantine quarantine;

  /** Without a search index to keep up after imports (tests). */
  public SyncService(
      Database db, ReplicatedWriter writer, OfficeService offices, WallClock clock, Access access) {
    this(db, writer, offices, clock, UnaryOperator.identity(), null, access);
  }

  /** {@code search}: brought up to date after each import (ADR 0100). */
  public SyncService(
      Database db,
      ReplicatedWriter writer,
      OfficeService offices,
      WallClock clock,
      fr.passerelle.search.SearchService search,
      Access access) {
    this(db, writer, offices, clock, UnaryOperator.identity(), search, access);
  }

  /** {@code exportSink} wraps the stream an export writes to (tests: a disk that fills up). */
  public SyncService(
      Database db,
      ReplicatedWriter writer,
      OfficeService offices,
      WallClock clock,
      UnaryOperator<OutputStream> exportSink,
      Access access) {
    this(db, writer, offices, clock, exportSink, null, access);
  }

  private SyncService(
      Database db,
      ReplicatedWriter writer,
      OfficeService offices,
      WallClock clock,
      UnaryOperator<OutputStream> exportSink,
      fr.passerelle.search.SearchService search,
      Access access) {
    this.db = db;
    this.identity = new Identity(db, offices);
    this.peers = new Peers(db, identity, access, clock);
    this.exporter = new SyncExporter(db, identity, exportSink, writer, clock, access);
    this.importer =
        new SyncImporter(
            db, identity, writer, clock, search == null ? p -> 0 : search::catchUp, access);
    this.conflicts = new Conflicts(db, writer, access, clock);
    this.quarantine = new Quarantine(db, access);
  }

  public Identity identity() {
    return identity;
  }

  public Peers peers() {
    return peers;
  }

  public SyncExporter exporter() {
    return exporter;
  }

  public SyncImporter importer() {
    return importer;
  }

  public Conflicts conflicts() {
    return conflicts;
  }

  /** Rows of partners' files refused one by one (ADR 0085). */
  public Quarantine quarantine() {
    return quarantine;
  }

  /** The digest of the replicated state, in hex. */
  public String digest() {
    return SyncDigest.compute(db.dsl());
  }

  /**
   * Reads every table through each of its indexes (ADR 0080). A damage found is noted so that the
   * next start offers the way back (rebuild, or restore the automatic backup).
   */
  public fr.passerelle.db.IntegrityCheck.Result checkDatabase(
      fr.passerelle.core.Progress progress) {
    var r = fr.passerelle.db.IntegrityCheck.all(db.dataSource(), progress);
    if (!r.ok()) {
      db.needsCheck(r.damagedTables());
    }
    return r;
  }

  /** The newest automatic backup of this data folder, if any. */
  public java.util.Optional<fr.passerelle.db.AutoBackups.Backup> lastAutomaticBackup() {
    return fr.passerelle.db.AutoBackups.latest(db.dataDir());
  }

  /** This replica's state for {@code sync status}. */
  public record Status(
      UUID replicaId,
      long changeSeq,
      String office,
      String organisation,
      List<Peer> peers,
      long conflicts,
      OffsetDateTime lastImportAt,
      OffsetDateTime lastExportAt,
      long refusedRows) {}

  public Status status() {
    var r = ReplicatedWriter.currentReplica(db.dsl());
    var office = identity.office();
    OffsetDateTime lastImport =
        db.dsl()
            .select(org.jooq.impl.DSL.max(SYNC_LOG.AT))
            .from(SYNC_LOG)
            .where(SYNC_LOG.DIRECTION.eq("IMPORT").and(SYNC_LOG.OUTCOME.eq("OK")))
            .fetchOne(0, OffsetDateTime.class);
    OffsetDateTime lastExport =
        db.dsl()
            .select(org.jooq.impl.DSL.max(SYNC_LOG.AT))
            .from(SYNC_LOG)
            .where(SYNC_LOG.DIRECTION.eq("EXPORT"))
            .fetchOne(0, OffsetDateTime.class);
    return new Status(
        r.getId(),
        r.getChangeSeq(),
        office.name(),
        office.organisation(),
        peers.all(),
        conflicts.openCount(),
        lastImport,
        lastExport,
        quarantine.count());
  }
}
