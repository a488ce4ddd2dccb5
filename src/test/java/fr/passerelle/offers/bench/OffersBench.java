package fr.passerelle.offers.bench;

import static fr.passerelle.db.jooq.Tables.JOB_OFFER;

import fr.passerelle.app.Services;
import fr.passerelle.offers.OfferFilter;
import fr.passerelle.offers.OfferPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmarks of docs/benchmarks.md: {@code OffersBench DIR}. Matching top 50 for 30 random open
 * offers, the hard-to-fill list (cold, then warm), a filtered list, the occupations table, heap
 * after GC. Prints medians and p95 in ms.
 */
public final class OffersBench {
  public static void main(String[] args) {
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      var dsl = s.db().dsl();
      System.out.printf(
          "rows: candidates %d, candidate_occupation %d, job_offer %d (open %d)%n",
          dsl.fetchCount(fr.passerelle.db.jooq.Tables.CANDIDATE),
          dsl.fetchCount(fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION),
          dsl.fetchCount(JOB_OFFER),
          dsl.fetchCount(JOB_OFFER, JOB_OFFER.CLOSED_ON.isNull()));
      List<UUID> open =
          new ArrayList<>(
              dsl.select(JOB_OFFER.ID)
                  .from(JOB_OFFER)
                  .where(JOB_OFFER.CLOSED_ON.isNull())
                  .fetch(JOB_OFFER.ID));
      Collections.shuffle(open, new Random(3));
      var hard = s.offersModule().hardToFill();
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      OfferPage first = hard.openOffers(OfferFilter.ALL);
      System.out.printf(
          "hard-to-fill list, cold (candidate pool + reach index built): %.0f ms wall, %.0f ms CPU"
              + " — %d open, %d hard to fill%n",
          (System.nanoTime() - t0) / 1e6,
          (threads.getCurrentThreadCpuTime() - cpu0) / 1e6,
          first.matching(),
          first.hardToFill());
      report(
          "hard-to-fill list, warm (500 rows)",
          5,
          () -> hard.openOffers(new OfferFilter(false, null, null, null, 500)));
      String rome = first.rows().get(0).offer().romeCode();
      report(
          "filtered list (hard to fill, one ROME code)",
          5,
          () -> hard.openOffers(new OfferFilter(true, rome, null, null, 200)));
      report("occupations table", 3, () -> s.offersModule().occupationTable().rows());
      var matching = s.offersModule().matching();
      for (int i = 0; i < 3; i++) {
        matching.candidatesFor(open.get(open.size() - 1 - i), 50, false);
      }
      List<Double> ms = new ArrayList<>();
      List<Double> cpuMs = new ArrayList<>();
      int pools = 0;
      for (int i = 0; i < 30; i++) {
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        var r = matching.candidatesFor(open.get(i), 50, i % 2 == 0);
        ms.add((System.nanoTime() - t) / 1e6);
        cpuMs.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        pools += r.pool();
      }
      print("matching top 50 (30 offers, boost on half)", ms);
      print("  same, CPU time of the calling thread", cpuMs);
      System.out.printf("  mean pool size: %d candidates%n", pools / 30);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      System.out.printf(
          "heap used after GC: %d MB (max %d MB)%n",
          (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
  }

  private static void report(String what, int runs, Supplier<?> work) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    List<Double> ms = new ArrayList<>();
    List<Double> cpuMs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      work.get();
      ms.add((System.nanoTime() - t) / 1e6);
      cpuMs.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
    print(what, ms);
    print("  same, CPU time of the calling thread", cpuMs);
  }

  private static void print(String what, List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    double median = sorted.get(sorted.size() / 2);
    double p95 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1));
    System.out.printf("%s: median %.0f ms, p95 %.0f ms, n=%d%n", what, median, p95, ms.size());
  }
}
