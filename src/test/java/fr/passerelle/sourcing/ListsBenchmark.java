package fr.passerelle.sourcing;

import fr.passerelle.app.Services;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: what the Lists view loads ("my lists" of every owner, open ones, with
 * their pipeline, list shares and pool shares) on an existing data folder such as a copy of the
 * region-scale demo. Three calls (the first builds the candidate pool), then one after each of two
 * moves of an entry (written to the folder: a copy).
 */
public final class ListsBenchmark {
  public static void main(String[] args) {
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      List<SourcingList> lists = List.of();
      for (int i = 0; i < 3; i++) {
        lists = timed("call " + i, () -> s.sourcing().lists(null, false));
      }
      // after a change: an entry of the first list moved on, then back
      SourcingEntry e = s.sourcing().entries(lists.get(0).id()).get(0);
      for (PipelineStatus to : List.of(e.status().next(), e.status())) {
        s.sourcing().move(e.id(), to, null);
        timed("after a move", () -> s.sourcing().lists(null, false));
      }
    }
  }

  private static List<SourcingList> timed(String what, Supplier<List<SourcingList>> call) {
    var cpu = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    List<SourcingList> out = call.get();
    System.out.printf(
        "%s: %d lists in %d ms wall, %d ms CPU%n",
        what,
        out.size(),
        (System.nanoTime() - t0) / 1_000_000,
        (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
    return out;
  }
}
