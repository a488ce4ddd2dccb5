package fr.passerelle.meetings;

import fr.passerelle.app.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Benchmark, not a test: what the Meetings view loads when it opens or moves to another week (the
 * meetings of the 13 weeks around the shown date with their counts, the next meeting, the offices
 * and the sourcing lists offered to invite), on an existing data folder such as a copy of the
 * region-scale demo (an encrypted one opened with {@code PASSERELLE_BENCH_PASSWORD}). Median of 7
 * runs after one warm-up, and the first (cold) run.
 */
public final class WeekViewBenchmark {
  public static void main(String[] args) throws Exception {
    LocalDate shown = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.now();
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(Path.of(args[0]))) {
      var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      long[] ms = new long[8];
      int shownCount = 0;
      for (int i = 0; i < ms.length; i++) {
        LocalDate d = shown.plusWeeks(i); // as if the counselor paged week after week
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        var meetings = s.meetings().list(MeetingFilter.around(d));
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        s.meetings().next();
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        s.offices().all();
        s.participants().sourcingLists();
        long t3 = System.nanoTime();
        long c3 = cpu.getCurrentThreadCpuTime();
        ms[i] = (t3 - t0) / 1_000_000;
        shownCount = meetings.size();
        System.out.printf(
            "run %d (week of %s): %d ms wall, %d ms CPU (list %d, next %d, offices and lists %d"
                + " ms CPU), %d meetings%n",
            i,
            d,
            ms[i],
            (c3 - c0) / 1_000_000,
            (c1 - c0) / 1_000_000,
            (c2 - c1) / 1_000_000,
            (c3 - c2) / 1_000_000,
            shownCount);
      }
      long[] timed = Arrays.copyOfRange(ms, 1, ms.length);
      Arrays.sort(timed);
      System.out.printf(
          "cold %d ms; median of 7 %d ms, max %d ms (about %d meetings in the window)%n",
          ms[0], timed[3], timed[6], shownCount);
    }
  }
}
