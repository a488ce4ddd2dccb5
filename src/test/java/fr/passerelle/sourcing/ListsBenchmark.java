package fr.passerelle.sourcing;

import fr.passerelle.app.Services;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Benchmark, not a test: what the Lists view loads ("my lists" of every owner, open ones, with
 * their pipeline, list shares and pool shares) on an existing data folder such as a copy of the
 * region-scale demo. Three calls: the first builds the candidate pool.
 */
public final class ListsBenchmark {
  public static void main(String[] args) {
    var cpu = ManagementFactory.getThreadMXBean();
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        int n = s.sourcing().lists(null, false).size();
        System.out.printf(
            "call %d: %d lists in %d ms wall, %d ms CPU%n",
            i,
            n,
            (System.nanoTime() - t0) / 1_000_000,
            (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
      }
    }
  }
}
