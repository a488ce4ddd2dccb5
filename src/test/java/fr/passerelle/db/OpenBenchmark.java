package fr.passerelle.db;

import java.nio.file.Path;

/**
 * Benchmark harness (not a test): {@code DIR [N]} — opens and closes the data folder's database N
 * times in this JVM and prints each open's time; the first is what a start or a CLI command pays
 * (run it in a fresh JVM per sample, see docs/benchmarks.md, "Opening without Flyway"). A clear
 * installation (an encrypted one needs its file key).
 */
public final class OpenBenchmark {
  private OpenBenchmark() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      Database db = Database.open(dir);
      long opened = System.nanoTime();
      db.close();
      System.out.printf("open %d: %.0f ms%n", i, (opened - t) / 1e6);
    }
  }
}
