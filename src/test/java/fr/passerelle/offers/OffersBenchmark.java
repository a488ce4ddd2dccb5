package fr.passerelle.offers;

import fr.passerelle.app.Services;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Benchmark, not a test: what the "Offres & métiers" view loads when it is shown (its {@code
 * OffersViewModel.refresh}: the first 500 open offers, hard to fill first, and the counts) on an
 * existing data folder such as a copy of the region-scale demo. Five calls with nothing changed in
 * between: the first also builds the candidate pool (the application builds it at sign-in; with
 * {@code -Dbench.poolFirst=true} it is built before, as after sign-in), the others are a return to
 * the view. {@code OffersBenchmark DIR [calls]}; an encrypted folder is opened with {@code
 * PASSERELLE_BENCH_PASSWORD}. The rows' digest (ids, signals, days open, in order) tells whether
 * two builds answer the same. See docs/benchmarks.md.
 */
public final class OffersBenchmark {
  public static void main(String[] args) {
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    var cpu = ManagementFactory.getThreadMXBean();
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      HardToFillService hard = s.offersModule().hardToFill();
      if (Boolean.getBoolean("bench.poolFirst")) { // as after sign-in: the dashboard built it
        long t0 = System.nanoTime();
        hard.rules();
        System.out.printf(
            "the candidate pool and reach, built first: %d ms%n",
            (System.nanoTime() - t0) / 1_000_000);
      }
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        OfferPage page = hard.openOffers(new OfferFilter(false, null, null, null, 500));
        System.out.printf(
            "call %d: %d rows of %d open (%d hard to fill, rows' digest %08x) in %d ms wall, %d"
                + " ms CPU%n",
            i,
            page.rows().size(),
            page.matching(),
            page.hardToFill(),
            page.rows().stream()
                .map(r -> r.offer().id() + " " + r.hardToFill() + " " + r.daysOpen())
                .toList()
                .hashCode(),
            (System.nanoTime() - t0) / 1_000_000,
            (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
      }
    }
  }
}
