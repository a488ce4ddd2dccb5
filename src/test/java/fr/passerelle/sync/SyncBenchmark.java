package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Full export and import of N candidates (~300 B each) between two installations, and the same rows
 * bulk-loaded into H2 with CSVREAD as the lower bound. Run with -Xmx512m: {@code java -Xmx512m -cp
 * target/test-classes:target/classes:$(cat cp.txt) fr.passerelle.sync.SyncBenchmark /tmp/sync-bench
 * 600000}, or with a data folder instead of N (e.g. the region-scale demo) whose database is copied
 * as installation A. With {@code -Dbench.cipher=true} the importing installation is encrypted
 * (issue 14); the CSVREAD bound stays a clear installation's. With {@code PASSERELLE_TEST_PG} (and
 * its user and password variables, as for the office-server suite) every installation is a schema
 * of that PostgreSQL database and the bound is {@code COPY} (issue 15).
 */
public final class SyncBenchmark {
  /** {@code -Dbench.cipher=true}: the importing installation's database and index encrypted. */
  static final String CIPHER = "bench.cipher";

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Files.createDirectories(root);
    boolean copy = Files.isDirectory(Path.of(args[1]));
    if (copy && !Files.exists(root.resolve("a"))) {
      // an existing installation (e.g. the region-scale demo) as A: copy its data folder
      Files.createDirectories(root.resolve("a"));
      try (var files = Files.list(Path.of(args[1]))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
          Files.copy(f, root.resolve("a").resolve(f.getFileName()));
        }
      }
    }
    for (String fresh : List.of("b", "c", "d")) { // every run imports into new installations
      if (Files.exists(root.resolve(fresh))) {
        try (var files = Files.walk(root.resolve(fresh))) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
    Services a = fr.passerelle.testsupport.TestServices.open(root.resolve("a"));
    Services b = fr.passerelle.testsupport.TestServices.open(root.resolve("b"));
    b.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
    if (Boolean.getBoolean(CIPHER)) {
      // the importing installation encrypted (issue 14): H2's AES and the encrypted index files
      b =
          new fr.passerelle.app.Vault(
                  fr.passerelle.db.WallClock.system(),
                  fr.passerelle.testsupport.TestServices.FAST,
                  true,
                  (d, rec) ->
                      Services.open(
                          d,
                          fr.passerelle.db.WallClock.system(),
                          fr.passerelle.testsupport.TestServices.FAST,
                          rec))
              .encrypt(b, fr.passerelle.testsupport.TestServices.PASSWORD.toCharArray(), "bench")
              .services();
      System.out.println("importing installation encrypted: " + b.keys().encrypted());
    }
    if (!copy && a.offices().current().isEmpty()) {
      int n = Integer.parseInt(args[1]);
      a.offices().init("Agence Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
      long t0 = System.nanoTime();
      load(a, n);
      System.out.printf("load %d candidates: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
    a.sync().peers().trust(b.sync().identity().card());
    b.sync().peers().trust(a.sync().identity().card());
    Path file = root.resolve("full.passerelle");
    resetPeaks();
    long t1 = System.nanoTime();
    long cpu1 = cpu();
    a.sync()
        .exporter()
        .exportTo(ReplicatedWriter.currentReplica(b.db().dsl()).getId(), file, true, Progress.NONE);
    double export = (System.nanoTime() - t1) / 1e9;
    double exportCpu = (cpu() - cpu1) / 1e9;
    long exportHeap = peakHeap();
    System.out.printf(
        "export full: %.1f s (process CPU %.1f s), file %.1f MB, peak heap %d MB%n",
        export, exportCpu, Files.size(file) / 1e6, exportHeap >> 20);
    resetPeaks();
    long t2 = System.nanoTime();
    long cpu2 = cpu();
    SyncImportReport r = b.sync().importer().importFile(file, Progress.NONE);
    double imp = (System.nanoTime() - t2) / 1e9;
    double index = r.reindexTime().toNanos() / 1e9;
    double tx = imp - index;
    System.out.printf(
        "import full: %.1f s (process CPU %.1f s; %d candidates added), peak heap %d MB%n"
            + "  of which the import's transaction %.1f s, then the search index catch-up %.1f s"
            + " (%d records)%n",
        imp,
        (cpu() - cpu2) / 1e9,
        r.tables().get("candidate").added,
        peakHeap() >> 20,
        tx,
        index,
        r.reindexed());
    incremental(root, a, b, Integer.getInteger("bench.changed", 0));
    List<String> replicated =
        fr.passerelle.db.ReplicatedTables.ALL.stream().map(t -> t.getName()).toList();
    if (a.db().onServer()) {
      // on the office server (PASSERELLE_TEST_PG set): the bound is PostgreSQL's COPY
      double bound = copyBound(root, a, "c", replicated);
      System.out.printf(
          "  COPY bound %.1f s: import / bound = %.2f (transaction alone: %.2f)%n",
          bound, imp / bound, tx / bound);
      a.close();
      b.close();
      return;
    }
    // lower bound: the same replicated tables written out and bulk-loaded with CSVREAD
    List<Path> csvs = new ArrayList<>();
    for (var t : fr.passerelle.db.ReplicatedTables.ALL) {
      Path csv = root.resolve(t.getName() + ".csv");
      Files.deleteIfExists(csv);
      a.db().dsl().execute("CALL CSVWRITE('" + csv + "', 'SELECT * FROM " + t.getName() + "')");
      csvs.add(csv);
    }
    a.close();
    double bound = bulkLoad(root, "c", replicated);
    System.out.printf(
        "  CSVREAD bound %.1f s: import / bound = %.2f (transaction alone: %.2f)%n",
        bound, imp / bound, tx / bound);
    for (Path csv : csvs) {
      Files.deleteIfExists(csv);
    }
    b.close();
  }

  /**
   * The office server's bound: these tables of {@code from} written out with {@code COPY TO
   * STDOUT}, then loaded with {@code COPY FROM STDIN} into a fresh installation on the same server,
   * in one transaction (its own rows deleted first, as for CSVREAD); seconds of the load.
   */
  private static double copyBound(Path root, Services from, String dir, List<String> tables)
      throws Exception {
    List<Path> files = new ArrayList<>();
    try (java.sql.Connection c = from.db().dataSource().getConnection()) {
      var copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      for (String t : tables) {
        Path f = root.resolve(t + ".copy");
        try (var out = Files.newOutputStream(f)) {
          copy.copyOut("COPY " + t + " TO STDOUT", out);
        }
        files.add(f);
      }
    }
    Services c = fr.passerelle.testsupport.TestServices.open(root.resolve(dir));
    long t0 = System.nanoTime();
    long cpu0 = cpu();
    long rows = 0;
    try (java.sql.Connection con = c.db().dataSource().getConnection()) {
      con.setAutoCommit(false);
      var copy = con.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      for (int i = 0; i < tables.size(); i++) {
        try (var st = con.createStatement()) {
          st.execute("DELETE FROM " + tables.get(i));
        }
        try (var in = Files.newInputStream(files.get(i))) {
          rows += copy.copyIn("COPY " + tables.get(i) + " FROM STDIN", in);
        }
      }
      con.commit();
    }
    double bound = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "COPY lower bound, replicated: %.1f s (process CPU %.1f s), %d rows%n",
        bound, (cpu() - cpu0) / 1e9, rows);
    c.close();
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
    return bound;
  }

  /** CSVREAD of these tables' files into a fresh installation, in one transaction; seconds. */
  private static double bulkLoad(Path root, String dir, List<String> tables) {
    Services c = fr.passerelle.testsupport.TestServices.open(root.resolve(dir));
    long t0 = System.nanoTime();
    long cpu0 = cpu();
    c.db()
        .dsl()
        .transaction(
            cfg -> {
              for (String t : tables) {
                cfg.dsl().execute("DELETE FROM " + t);
                cfg.dsl()
                    .execute(
                        "INSERT INTO "
                            + t
                            + " SELECT * FROM CSVREAD('"
                            + root.resolve(t + ".csv")
                            + "')");
              }
            });
    double bound = (System.nanoTime() - t0) / 1e9;
    long rows = 0;
    for (String t : tables) {
      rows += c.db().dsl().fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(t)));
    }
    System.out.printf(
        "CSVREAD lower bound, %s: %.1f s (process CPU %.1f s), %d rows%n",
        tables.size() > fr.passerelle.db.ReplicatedTables.ALL.size()
            ? "replicated + search index"
            : "replicated",
        bound,
        (cpu() - cpu0) / 1e9,
        rows);
    c.close();
    return bound;
  }

  private static void load(Services s, int n) {
    Random rnd = new Random(42);
    var office = s.offices().current().orElseThrow().id();
    int done = 0;
    while (done < n) {
      int batch = Math.min(10_000, n - done);
      int start = done;
      s.db()
          .dsl()
          .transaction(
              cfg -> {
                var tx = cfg.dsl();
                var block = s.writer().reserve(tx, batch);
                List<CandidateRecord> rows = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                  CandidateRecord c = tx.newRecord(CANDIDATE);
                  c.setOfficeId(office);
                  c.setFirstName("Prénom" + (start + i));
                  c.setLastName("Nom" + rnd.nextInt(100_000));
                  c.setNameNorm("nom prenom " + (start + i));
                  c.setBirthDate(
                      LocalDate.of(
                          1960 + rnd.nextInt(45), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
                  c.setEmail("candidat" + (start + i) + "@example.fr");
                  c.setPhone("06 " + (10_000_000 + rnd.nextInt(89_999_999)));
                  c.setAddress((1 + rnd.nextInt(200)) + " rue de la République");
                  c.setCommuneCode("31555");
                  c.setMobilityKm(rnd.nextInt(60));
                  c.setDrivingLicence(rnd.nextBoolean());
                  c.setStatus("ACTIVE");
                  c.setRegisteredOn(LocalDate.of(2024, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
                  s.writer().stampNew(c, block.next());
                  rows.add(c);
                }
                tx.batchInsert(rows).execute();
              });
      done += batch;
    }
  }

  /**
   * The incremental round (issue 20's "1 %"): B's acknowledgement carried back to A, then {@code
   * changed} candidates edited in A (1 % of them when 0), exported to B since that acknowledgement
   * and imported there; both steps timed in this process (no JVM start).
   */
  private static void incremental(Path root, Services a, Services b, int changed) {
    UUID aReplica = ReplicatedWriter.currentReplica(a.db().dsl()).getId();
    UUID bReplica = ReplicatedWriter.currentReplica(b.db().dsl()).getId();
    Path ack = root.resolve("ack.passerelle");
    b.sync().exporter().exportTo(aReplica, ack, false, Progress.NONE);
    a.sync().importer().importFile(ack, Progress.NONE);
    int total = a.db().dsl().fetchCount(CANDIDATE);
    int n = changed > 0 ? changed : Math.max(1, total / 100);
    a.db()
        .dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              var rows = tx.selectFrom(CANDIDATE).orderBy(CANDIDATE.ID).limit(n).fetch();
              for (CandidateRecord c : rows) {
                c.setPhone("07 " + (10_000_000 + c.getId().hashCode() % 89_999_999));
                a.writer().update(tx, c);
              }
            });
    Path file = root.resolve("incremental.passerelle");
    long t0 = System.nanoTime();
    a.sync().exporter().exportTo(bReplica, file, false, Progress.NONE);
    double export = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    SyncImportReport r = b.sync().importer().importFile(file, Progress.NONE);
    double imp = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        "incremental (%d candidates changed): export %.3f s, file %.1f kB, import %.3f s (%d"
            + " candidates updated; index catch-up %.3f s), export + import %.3f s%n",
        n,
        export,
        size(file) / 1e3,
        imp,
        r.tables().get("candidate").updated,
        r.reindexTime().toNanos() / 1e9,
        export + imp);
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
