package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed mid-way (a real SIGKILL of a child JVM) leaves, at the next start, the database
 * as before it or fully imported (ADR 0080: the next start finishes a chunked import), never in
 * between, and the checkpoint says which.
 */
class SyncImportCrashTest {
  static final int ROWS = 40_000;

  @TempDir Path root;

  @Test
  void killingTheProcessDuringAnImportLeavesItUndoneOrDone() throws Exception {
    Node a = Node.create(root, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    Node b = Node.create(root, "FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    Node.trustEachOther(a, b);
    a.dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              var block = a.services.writer().reserve(tx, ROWS);
              List<CandidateRecord> batch = new ArrayList<>();
              for (int i = 0; i < ROWS; i++) {
                CandidateRecord c = tx.newRecord(CANDIDATE);
                c.setLastName("Nom" + i);
                c.setFirstName("Prenom" + i);
                c.setOfficeId(a.officeId());
                c.setNotes("x".repeat(200));
                a.services.writer().stampNew(c, block.next());
                batch.add(c);
                if (batch.size() == 1000) {
                  tx.batchInsert(batch).execute();
                  batch.clear();
                }
              }
            });
    Path file = a.exportTo(b, true);
    a.close();
    String before = b.digest();
    long seqBefore = fr.passerelle.db.ReplicatedWriter.currentReplica(b.dsl()).getChangeSeq();
    b.close();

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                // the folder stays clear: this test reopens it with TestServices (ADR 0110)
                "-D" + fr.passerelle.app.Vault.KEEP_CLEAR + "=true",
                "fr.passerelle.Main",
                "--data-dir",
                b.dir.toString(),
                "--user",
                fr.passerelle.testsupport.TestServices.ADMIN,
                "--password-stdin",
                "sync",
                "import",
                file.toString())
            .redirectErrorStream(true)
            .start();
    // the command runs as the test administrator, its password on standard input
    try (var in = p.getOutputStream()) {
      in.write(
          (fr.passerelle.testsupport.TestServices.PASSWORD + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    boolean started = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("applied ")) {
          started = true;
          break;
        }
      }
      assertThat(started).as("the import started applying rows").isTrue();
      assertThat(p.isAlive()).as("still importing when killed").isTrue();
      p.destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    b.reopen();
    long received = b.dsl().select(PEER.RECEIVED).from(PEER).fetchOne(PEER.RECEIVED);
    if (received == 0) {
      assertThat(b.digest()).isEqualTo(before);
      assertThat(fr.passerelle.db.ReplicatedWriter.currentReplica(b.dsl()).getChangeSeq())
          .isEqualTo(seqBefore);
      assertThat(b.importFile(file).outcome()).isEqualTo(SyncImportReport.Outcome.IMPORTED);
    } else {
      assertThat(b.importFile(file).outcome()).isEqualTo(SyncImportReport.Outcome.ALREADY_IMPORTED);
    }
    assertThat(b.dsl().fetchCount(CANDIDATE)).isEqualTo(ROWS);
    b.close();
  }
}
