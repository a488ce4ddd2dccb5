package fr.passerelle.sync;

import fr.passerelle.office.OfficeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What a partner organisation's file costs to import (ADR 0085's per-version checks run only for
 * those): N candidates with a consent to share and two criteria each, exported in full by a France
 * Travail office to another France Travail office and to a temp agency; both imports timed, in that
 * order, 3 rounds into fresh installations. {@code java -Xmx512m -cp ... PartnerImportBenchmark DIR
 * N}. Uses only what main has, so the same harness measures main.
 */
public final class PartnerImportBenchmark {
  private PartnerImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Files.createDirectories(root);
    try (Node a = Node.create(root, "ft-toulouse", OfficeKind.FRANCE_TRAVAIL, null)) {
      for (int i = 0; i < n; i++) {
        UUID c = a.addCandidate("Martin" + i);
        a.setConsent(c, true, i % 2 == 0);
        a.addCriterion(c, i % 3 == 0 ? "RQTH" : "DELD");
        a.addCriterion(c, "QPV");
      }
      for (int round = 0; round < 3; round++) {
        try (Node b = Node.create(root, "ft-albi-" + round, OfficeKind.FRANCE_TRAVAIL, null);
            Node t = Node.create(root, "interim-" + round, OfficeKind.TEMP_AGENCY, "Interim")) {
          Node.trustEachOther(a, b, t);
          Path toB = a.exportTo(b, true);
          Path toT = a.exportTo(t, true);
          long t0 = System.nanoTime();
          SyncImportReport rb = b.importFile(toB);
          long t1 = System.nanoTime();
          SyncImportReport rt = t.importFile(toT);
          long t2 = System.nanoTime();
          System.out.printf(
              "round %d: same organisation %.2f s (%d rows), partner %.2f s (%d rows)%n",
              round,
              (t1 - t0) / 1e9,
              rb.total(c -> c.added + c.updated + c.skipped),
              (t2 - t1) / 1e9,
              rt.total(c -> c.added + c.updated + c.skipped));
        }
      }
    }
  }
}
