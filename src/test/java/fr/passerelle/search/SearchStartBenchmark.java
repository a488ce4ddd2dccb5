package fr.passerelle.search;

import fr.passerelle.app.Services;
import java.nio.file.Path;

/**
 * Benchmark harness (not a test): {@code DIR} — how long from opening a data folder (what the
 * window does before the shell shows) until a search is answered by the index, with the index left
 * by the previous run. See docs/benchmarks.md, "Search on Lucene".
 */
public final class SearchStartBenchmark {
  private SearchStartBenchmark() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      long opened = System.nanoTime();
      s.search().warmUp(); // what the shell does once shown
      int tries = 0;
      while (s.search().find(Kind.CANDIDATE, "martin", 50).isEmpty()) {
        tries++;
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      long fast = System.nanoTime();
      long t = System.nanoTime();
      s.search().find(Kind.CANDIDATE, "lefevre", 50);
      long second = System.nanoTime() - t;
      System.out.printf(
          "database open %.2f s; then first answer from the index after %.3f s (%d waits);"
              + " next query %.1f ms; %s%n",
          (opened - t0) / 1e9, (fast - opened) / 1e9, tries, second / 1e6, s.search().status());
    }
  }
}
