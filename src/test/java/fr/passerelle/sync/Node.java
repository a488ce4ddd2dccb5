package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.CandidateConsentRecord;
import fr.passerelle.db.jooq.tables.records.CandidateCriterionRecord;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.db.jooq.tables.records.EmployerRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/** One installation in a sync test: its own data folder, services and clock. */
final class Node implements AutoCloseable {
  private static final AtomicInteger FILES = new AtomicInteger();
  private static Path template;

  final String name;
  final Path dir;
  final ManualClock clock;
  final String organisation;
  Services services;

  private Node(String name, Path dir, ManualClock clock, String organisation) {
    this.name = name;
    this.dir = dir;
    this.clock = clock;
    this.organisation = organisation;
  }

  /**
   * A new installation with its office. Data folders are copied from a migrated template (one
   * Flyway run per JVM), then given their own replica id.
   */
  static Node create(Path root, String name, OfficeKind kind, String organisation) {
    Path dir = root.resolve(name.replaceAll("[^A-Za-z0-9]", "_"));
    try {
      Files.createDirectories(dir);
      if (!fr.passerelle.testsupport.TestServer.configured()) {
        // on the PostgreSQL suite each node gets a fresh schema instead (TestServer)
        Files.copy(
            template(), dir.resolve("passerelle.mv.db"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ManualClock clock = new ManualClock();
    Node n = new Node(name, dir, clock, organisation);
    n.kind = kind;
    n.services = fr.passerelle.testsupport.TestServices.openSignedOut(dir, clock);
    fr.passerelle.db.BackupService.renewReplicaId(n.services.db(), n.clock);
    // signed in once the copy has its own replica id: its audit entries are its own
    fr.passerelle.testsupport.TestServices.signInAdmin(n.services);
    n.services.offices().init(name, kind, organisation);
    return n;
  }

  private static synchronized Path template() throws IOException {
    if (template == null) {
      Path t = Files.createTempDirectory("passerelle-sync-template");
      try (Services s = fr.passerelle.testsupport.TestServices.open(t)) {
        // every node starts from this copy: its audit entries (the test account's creation) are
        // not theirs
        s.db().dsl().deleteFrom(AUDIT_ENTRY).execute();
        s.db().dsl().deleteFrom(AUDIT_HEAD).execute();
        s.db().storeNow();
      }
      template = t.resolve("passerelle.mv.db");
      t.toFile().deleteOnExit();
      template.toFile().deleteOnExit();
    }
    return template;
  }

  SyncService sync() {
    return services.sync();
  }

  DSLContext dsl() {
    return services.db().dsl();
  }

  UUID replica() {
    return ReplicatedWriter.currentReplica(dsl()).getId();
  }

  UUID officeId() {
    return services.offices().current().orElseThrow().id();
  }

  void trust(Node other) {
    sync().peers().trust(other.sync().identity().card());
  }

  /** The sync tests' usual pair: Toulouse and Montpellier (France Travail), trusting each other. */
  static Node[] trustingPair(Path root) {
    Node a = create(root, "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Node b = create(root, "Agence Montpellier Pompignane", OfficeKind.FRANCE_TRAVAIL, null);
    trustEachOther(a, b);
    return new Node[] {a, b};
  }

  static void trustEachOther(Node... nodes) {
    for (Node a : nodes) {
      for (Node b : nodes) {
        if (a != b) {
          a.trust(b);
        }
      }
    }
  }

  Path exportTo(Node to, boolean full) {
    Path f =
        dir.resolveSibling("files").resolve(name + "-" + FILES.incrementAndGet() + ".passerelle");
    try {
      Files.createDirectories(f.getParent());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String fp = to.sync().identity().keys().fingerprint();
    UUID peer =
        sync().peers().all().stream()
            .filter(p -> p.fingerprint().equals(fp))
            .map(Peer::replicaId)
            .findFirst()
            .orElse(to.replica());
    return sync().exporter().exportTo(peer, f, full, Progress.NONE).file();
  }

  SyncImportReport importFile(Path f) {
    return sync().importer().importFile(f, Progress.NONE);
  }

  /** Export from this node to {@code to} and import there. */
  SyncImportReport sendTo(Node to) {
    return to.importFile(exportTo(to, false));
  }

  static long changeSeqOf(Node n) {
    return fr.passerelle.db.ReplicatedWriter.currentReplica(n.dsl()).getChangeSeq();
  }

  String digest() {
    return sync().digest();
  }

  UUID addCandidate(String lastName) {
    return dsl()
        .transactionResult(
            cfg -> {
              CandidateRecord c = cfg.dsl().newRecord(CANDIDATE);
              c.setOfficeId(officeId());
              c.setLastName(lastName);
              c.setFirstName("Camille");
              return services.writer().insert(cfg.dsl(), c).getId();
            });
  }

  void setConsent(UUID candidate, boolean share, boolean sensitive) {
    dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              CandidateConsentRecord r =
                  tx.selectFrom(CANDIDATE_CONSENT)
                      .where(CANDIDATE_CONSENT.ID.eq(candidate))
                      .fetchOne();
              if (r == null) {
                r = tx.newRecord(CANDIDATE_CONSENT);
                r.setId(candidate);
                r.setCandidateId(candidate);
                r.setShare(share);
                r.setSensitive(sensitive);
                r.setShareAt(OffsetDateTime.now());
                services.writer().insert(tx, r);
              } else {
                r.setCandidateId(candidate);
                r.setShare(share);
                r.setSensitive(sensitive);
                services.writer().update(tx, r);
              }
            });
  }

  UUID addCriterion(UUID candidate, String criterion) {
    return dsl()
        .transactionResult(
            cfg -> {
              CandidateCriterionRecord r = cfg.dsl().newRecord(CANDIDATE_CRITERION);
              r.setCandidateId(candidate);
              r.setCriterion(criterion);
              return services.writer().insert(cfg.dsl(), r).getId();
            });
  }

  UUID addEmployer(String name) {
    return dsl()
        .transactionResult(
            cfg -> {
              EmployerRecord r = cfg.dsl().newRecord(EMPLOYER);
              r.setName(name);
              return services.writer().insert(cfg.dsl(), r).getId();
            });
  }

  void renameCandidate(UUID id, String lastName) {
    dsl()
        .transaction(
            cfg -> {
              CandidateRecord c =
                  cfg.dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(id)).fetchOne();
              if (c != null && !Boolean.TRUE.equals(c.getDeleted())) {
                c.setLastName(lastName);
                services.writer().update(cfg.dsl(), c);
              }
            });
  }

  void delete(org.jooq.Table<?> t, UUID id) {
    dsl().transaction(cfg -> services.writer().delete(cfg.dsl(), t, id));
  }

  /** Empties the installation for the next try: new replica id, no data, no peers, same keys. */
  void reset() {
    dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (org.jooq.Table<?> t : fr.passerelle.db.ReplicatedTables.ALL) {
                tx.deleteFrom(t).execute();
              }
              for (org.jooq.Table<?> t :
                  java.util.List.of(
                      PEER,
                      SYNC_DIRECTORY,
                      SYNC_LOG,
                      AUDIT_ENTRY,
                      AUDIT_HEAD,
                      SYNC_TOUCHED_PERSON)) {
                tx.deleteFrom(t).execute();
              }
              tx.update(REPLICA).setNull(REPLICA.OFFICE_ID).execute();
            });
    fr.passerelle.db.BackupService.renewReplicaId(services.db(), clock);
    dsl().deleteFrom(REPLICA).where(REPLICA.IS_CURRENT.isFalse()).execute();
    clock.set(1_767_603_600_000L);
    services.offices().init(name, kindOf(), organisation);
  }

  private OfficeKind kind = OfficeKind.FRANCE_TRAVAIL;

  private OfficeKind kindOf() {
    return kind;
  }

  /** Everything a restore would bring back: the database's tables, as rows. */
  java.util.Map<org.jooq.Table<?>, org.jooq.Result<?>> snapshot() {
    java.util.Map<org.jooq.Table<?>, org.jooq.Result<?>> m = new java.util.LinkedHashMap<>();
    for (org.jooq.Table<?> t : snapshotTables()) {
      m.put(t, dsl().selectFrom(t).fetch());
    }
    return m;
  }

  /** Puts a snapshot back and gives the installation a new replica id, as 'restore' does. */
  void restore(java.util.Map<org.jooq.Table<?>, org.jooq.Result<?>> snap) {
    dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (org.jooq.Table<?> t : snapshotTables()) {
                tx.deleteFrom(t).execute();
              }
              for (var e : snap.entrySet()) {
                for (org.jooq.Record r : e.getValue()) {
                  r.changed(true);
                  tx.insertInto(e.getKey()).set(r).execute();
                }
              }
            });
    fr.passerelle.db.BackupService.renewReplicaId(services.db(), clock);
  }

  private static java.util.List<org.jooq.Table<?>> snapshotTables() {
    java.util.List<org.jooq.Table<?>> l =
        new java.util.ArrayList<>(fr.passerelle.db.ReplicatedTables.ALL);
    l.addAll(java.util.List.of(REPLICA, PEER, SYNC_DIRECTORY, SYNC_LOG, AUDIT_ENTRY, AUDIT_HEAD));
    return l;
  }

  /**
   * Signs the administrator in through {@code vault}: a vault that encrypts converts the clear
   * database and seals the sync keys (ADR 0110, 0145); the node then runs on those services.
   */
  fr.passerelle.app.Vault.Opened signInThrough(fr.passerelle.app.Vault vault) {
    services.close();
    fr.passerelle.app.Vault.Opened o =
        vault.signIn(
            dir,
            fr.passerelle.testsupport.TestServices.ADMIN,
            fr.passerelle.testsupport.TestServices.PASSWORD.toCharArray(),
            "test");
    services = o.services();
    return o;
  }

  void reopen() {
    services.close();
    services = fr.passerelle.testsupport.TestServices.open(dir, clock);
  }

  @Override
  public void close() {
    services.close();
  }
}
