package fr.passerelle.meetings;

import fr.passerelle.app.Services;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Benchmark, not a test: what the Réunions view reads when it opens (issue #20 item 4), call by
 * call, three rounds, on an existing data folder such as a copy of the region-scale demo (an
 * encrypted one opened with {@code PASSERELLE_BENCH_PASSWORD}):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$CP fr.passerelle.meetings.MeetingsLoadBenchmark DIR
 * </pre>
 */
public final class MeetingsLoadBenchmark {
  private MeetingsLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      MeetingFilter week = MeetingFilter.around(s.meetings().now().toLocalDate());
      for (int round = 1; round <= 3; round++) {
        time(round, "meetings of the month", () -> s.meetings().list(week).size());
        time(round, "next meeting", () -> s.meetings().next().isPresent() ? 1 : 0);
        time(round, "offices", () -> s.offices().all().size());
        time(round, "open lists with entries", () -> s.participants().sourcingLists().size());
      }
    }
  }

  private static void time(int round, String what, Callable<Integer> call) throws Exception {
    var cpu = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    int n = call.call();
    System.out.printf(
        "round %d  %-26s %6d rows %6d ms wall %6d ms CPU%n",
        round,
        what,
        n,
        (System.nanoTime() - t0) / 1_000_000,
        (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
  }
}
