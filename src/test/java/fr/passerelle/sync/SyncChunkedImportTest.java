package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.SYNC_IMPORT;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of more than {@link SyncImporter#CHUNK_ROWS} rows is checked whole, then applied in
 * chunks: the checkpoint moves with the last one only, an import stopped part-way is finished at
 * the next start, and a refused file changes nothing (ADR 0080).
 */
class SyncChunkedImportTest {
  static final int CANDIDATES = 4_500; // + their office rows: three chunks

  @TempDir Path root;
  Node a;
  Node b;
  Path file;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    b = Node.create(root, "FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    Node.trustEachOther(a, b);
    a.dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              var block = a.services.writer().reserve(tx, CANDIDATES);
              List<CandidateRecord> batch = new ArrayList<>();
              for (int i = 0; i < CANDIDATES; i++) {
                CandidateRecord c = tx.newRecord(CANDIDATE);
                c.setLastName("Nom" + i);
                c.setFirstName("Prenom" + i);
                c.setOfficeId(a.officeId());
                a.services.writer().stampNew(c, block.next());
                batch.add(c);
                if (batch.size() == 1000) {
                  tx.batchInsert(batch).execute();
                  batch.clear();
                }
              }
              tx.batchInsert(batch).execute();
            });
    file = a.exportTo(b, true);
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  private long received() {
    return b.dsl().select(PEER.RECEIVED).from(PEER).fetchOne(PEER.RECEIVED);
  }

  private List<Path> leftIn(String folder) throws IOException {
    Path dir = b.dir.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void aLargeFileIsImportedWholeAndLeavesNothingBehind() throws IOException {
    SyncImportReport r = b.importFile(file);
    assertThat(r.outcome()).isEqualTo(SyncImportReport.Outcome.IMPORTED);
    assertThat(r.table("candidate").added).isEqualTo(CANDIDATES);
    assertThat(b.dsl().fetchCount(CANDIDATE)).isEqualTo(CANDIDATES);
    assertThat(received()).isEqualTo(r.to());
    assertThat(b.dsl().fetchCount(SYNC_IMPORT)).isZero();
    assertThat(b.dsl().fetchCount(SYNC_TOUCHED_PERSON)).isZero();
    assertThat(leftIn("tmp")).isEmpty();
    assertThat(leftIn("journal")).isEmpty();
    assertThat(b.importFile(file).outcome()).isEqualTo(SyncImportReport.Outcome.ALREADY_IMPORTED);
  }

  /** Stops the second pass (the one that stores) once it has read {@code after} rows. */
  private static Progress stopStoringAfter(long after) {
    return new Progress() {
      private long last = -1;
      private int pass;

      @Override
      public void update(long done, long total, String message) {
        if (done < last) {
          pass++;
        }
        last = done;
        if (pass == 1 && done >= after) {
          throw new IllegalStateException("the laptop's battery ran out");
        }
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }

  @Test
  void anImportStoppedPartWayKeepsTheCheckpointBehindItsRowsAndTheNextStartFinishesIt()
      throws IOException {
    assertThatThrownBy(() -> b.sync().importer().importFile(file, stopStoringAfter(2_500)))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("stopped before its end");

    // some chunks are committed, with their progress; the checkpoint has not moved
    long rowsDone = b.dsl().select(SYNC_IMPORT.ROWS_DONE).from(SYNC_IMPORT).fetchOne(0, Long.class);
    assertThat(rowsDone).isBetween((long) SyncImporter.CHUNK_ROWS, (long) CANDIDATES);
    assertThat(b.dsl().fetchCount(CANDIDATE)).isPositive().isLessThan(CANDIDATES);
    assertThat(received()).isZero();
    assertThat(leftIn("tmp")).hasSize(1); // the copy it resumes from
    assertThat(leftIn("journal")).hasSize(1);

    b.reopen(); // the next start finishes it
    assertThat(b.dsl().fetchCount(CANDIDATE)).isEqualTo(CANDIDATES);
    assertThat(b.dsl().fetchCount(SYNC_IMPORT)).isZero();
    assertThat(b.dsl().fetchCount(SYNC_TOUCHED_PERSON)).isZero();
    assertThat(received()).isPositive();
    assertThat(leftIn("tmp")).isEmpty();
    assertThat(leftIn("journal")).isEmpty();
    assertThat(b.importFile(file).outcome()).isEqualTo(SyncImportReport.Outcome.ALREADY_IMPORTED);
    assertThat(
            b.services
                .candidateSearch()
                .search(fr.passerelle.candidates.CandidateQuery.text("Nom4499"), 0, 5))
        .extracting(fr.passerelle.candidates.CandidateSummary::lastName)
        .first()
        .isEqualTo("Nom4499");
  }

  @Test
  void aDamageTheCrashLeftInTheImportsTablesIsRebuiltAndTheImportAppliedAgain() throws Exception {
    assertThatThrownBy(() -> b.sync().importer().importFile(file, stopStoringAfter(2_500)))
        .hasMessageContaining("stopped before its end");
    b.services.close();
    // what H2 2.5.252 can leave of a commit a crash cut: index entries lost, rows kept
    try (fr.passerelle.db.Database db = fr.passerelle.db.Database.open(b.dir)) {
      fr.passerelle.testsupport.Damage.loseIndexEntries(db, "CANDIDATE", 30);
    }
    Files.writeString(b.dir.resolve(fr.passerelle.db.Database.OPEN_MARKER), "a crash\n");

    b.services = fr.passerelle.testsupport.TestServices.open(b.dir, b.clock);

    assertThat(b.services.repairedAtOpen()).isTrue();
    assertThat(b.dsl().fetchCount(CANDIDATE)).isEqualTo(CANDIDATES);
    assertThat(received()).isPositive();
    assertThat(b.dsl().fetchCount(SYNC_IMPORT)).isZero();
    assertThat(
            fr.passerelle.db.IntegrityCheck.all(b.services.db().dataSource(), Progress.NONE).ok())
        .isTrue();
    assertThat(b.importFile(file).outcome()).isEqualTo(SyncImportReport.Outcome.ALREADY_IMPORTED);
  }

  @Test
  void aLargeFileRefusedAtItsEndChangesNothing() throws Exception {
    SyncFileSurgeon s = SyncFileSurgeon.read(file);
    s.resign(
        b,
        a,
        m -> {
          var counts = (com.fasterxml.jackson.databind.node.ObjectNode) m.get("counts");
          counts.put("CANDIDATE", counts.get("CANDIDATE").asLong() + 1);
        });
    Path bad = root.resolve("bad.passerelle");
    s.write(bad);
    String before = b.digest();
    long seqBefore = Node.changeSeqOf(b);

    assertThatThrownBy(() -> b.importFile(bad))
        .isInstanceOf(SyncRefusedException.class)
        .hasMessageContaining("does not hold the rows its manifest announces");

    assertThat(b.digest()).isEqualTo(before);
    assertThat(Node.changeSeqOf(b)).isEqualTo(seqBefore);
    assertThat(b.dsl().fetchCount(SYNC_IMPORT)).isZero();
    assertThat(received()).isZero();
    assertThat(leftIn("tmp")).isEmpty();
    assertThat(leftIn("journal")).isEmpty();
  }
}
