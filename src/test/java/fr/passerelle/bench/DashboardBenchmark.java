package fr.passerelle.bench;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.Period;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;

/**
 * Benchmark harness (not a test), issue 20 item 4, ADR 0209: on a data folder just opened (the
 * region-scale demo), the dashboard's first figures, then the offers' hard-to-fill rules (the
 * matching pool and its reach index), then every figure, then every figure again (a refresh), in
 * one process, wall milliseconds of each step:
 *
 * <pre>
 * java -Xmx512m -cp target/test-classes:target/classes:$CP fr.passerelle.bench.DashboardBenchmark DIR
 * </pre>
 *
 * An encrypted folder is opened with the password from {@code PASSERELLE_BENCH_PASSWORD}. See
 * docs/benchmarks.md.
 */
public final class DashboardBenchmark {
  private DashboardBenchmark() {}

  public static void main(String[] args) {
    long t = System.nanoTime();
    try (Services s = TestServices.openAny(Path.of(args[0]))) {
      System.out.printf("open and sign-in: %d ms%n", since(t));
      Period month = Period.of(Period.Preset.THIS_MONTH, s.stats().today());
      t = System.nanoTime();
      Indicators first = s.stats().firstIndicators(month, null);
      System.out.printf("first figures: %d ms (complete: %s)%n", since(t), first.complete());
      t = System.nanoTime();
      s.offersModule().hardToFill().rules();
      System.out.printf("hard-to-fill rules (pool and reach): %d ms%n", since(t));
      t = System.nanoTime();
      s.stats().indicators(month, null);
      System.out.printf("every figure: %d ms%n", since(t));
      t = System.nanoTime();
      s.stats().indicators(month, null);
      System.out.printf("every figure again: %d ms%n", since(t));
    }
  }

  private static long since(long t) {
    return (System.nanoTime() - t) / 1_000_000;
  }
}
