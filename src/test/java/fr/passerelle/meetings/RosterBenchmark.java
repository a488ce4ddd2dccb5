package fr.passerelle.meetings;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark, not a test: time to build the roster PDF of a 500-participant meeting (reading the
 * sheet from H2 and laying out the PDF), median of 5 runs after one warm-up.
 */
public final class RosterBenchmark {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("roster-bench");
    try (Services s = fr.passerelle.testsupport.TestServices.open(dir)) {
      s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
      MeetingFixture f = new MeetingFixture(s);
      Meeting m = f.meeting("Forum emploi", s.meetings().now().plusDays(7).withHour(9), 420, 500);
      s.participants().inviteCandidates(m.id(), f.candidates(500));
      long[] ms = new long[6];
      int pages = 0;
      for (int i = 0; i < ms.length; i++) {
        long t0 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MeetingSheet sheet = s.meetings().sheet(m.id());
        long t1 = System.nanoTime();
        new RosterPdf().write(sheet, s.meetings().now(), out);
        System.out.printf(
            "  sheet %d ms, pdf %d ms%n",
            (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
        pages = new RosterPdf().pageCount(sheet.expected().size());
        System.out.printf("run %d: %d ms (%d bytes, %d pages)%n", i, ms[i], out.size(), pages);
      }
      long[] timed = Arrays.copyOfRange(ms, 1, ms.length);
      Arrays.sort(timed);
      System.out.printf(
          "median of 5 (after 1 warm-up): %d ms for 500 participants, %d pages%n", timed[2], pages);
    }
  }
}
