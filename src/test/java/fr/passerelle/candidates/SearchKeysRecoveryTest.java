package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_REINDEX;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search keys a crash left to write are written in the background after the data folder opens
 * (ADR 0080): opening does not wait for them, and reads go on while one of the catch-up's
 * transactions is open — a crash during the catch-up used to leave an installation whose every read
 * waited for it.
 */
class SearchKeysRecoveryTest {
  static final int CANDIDATES = 3_000;

  @TempDir Path dir;

  @Test
  void readsGoOnWhileTheSearchKeysLeftByACrashAreWritten() throws Exception {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      var office = s.offices().current().orElseThrow().id();
      s.db()
          .dsl()
          .transaction(
              cfg -> {
                var tx = cfg.dsl();
                var block = s.writer().reserve(tx, CANDIDATES);
                List<CandidateRecord> batch = new ArrayList<>();
                for (int i = 0; i < CANDIDATES; i++) {
                  CandidateRecord c = tx.newRecord(CANDIDATE);
                  c.setLastName("Nom" + i);
                  c.setFirstName("Prenom" + i);
                  c.setOfficeId(office);
                  s.writer().stampNew(c, block.next());
                  batch.add(c);
                }
                tx.batchInsert(batch).execute();
                // as a sync import killed before its catch-up leaves them: rows, no keys
                CandidateIndex.queue(tx, DSL.select(CANDIDATE.ID).from(CANDIDATE));
              });
    }

    CountDownLatch opened = new CountDownLatch(1);
    CountDownLatch inTransaction = new CountDownLatch(1);
    AtomicBoolean heldOpen = new AtomicBoolean();
    Progress holdFirstChunk =
        new Progress() {
          @Override
          public void update(long done, long total, String message) {
            if ("candidate_token".equals(message) && inTransaction.getCount() > 0) {
              inTransaction.countDown();
              try {
                // the first chunk's transaction stays open until the reads below are done
                heldOpen.set(opened.await(120, TimeUnit.SECONDS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };

    try (Services s = Services.open(dir, WallClock.system(), holdFirstChunk)) {
      assertThat(inTransaction.await(120, TimeUnit.SECONDS)).as("the catch-up started").isTrue();
      // opening did not wait for the catch-up, and reads are served during its transaction
      assertThat(s.db().dsl().fetchCount(CANDIDATE_REINDEX)).isEqualTo(CANDIDATES);
      assertThat(s.sync().digest()).hasSize(64);
      assertThat(s.db().dsl().fetchCount(CANDIDATE)).isEqualTo(CANDIDATES);
      assertThat(s.candidates().count(CandidateQuery.all())).isEqualTo(CANDIDATES);
      opened.countDown();

      s.awaitSearchKeys();
      assertThat(heldOpen).isTrue();
      assertThat(s.db().dsl().fetchCount(CANDIDATE_REINDEX)).isZero();
      assertThat(s.candidates().search(CandidateQuery.text("Nom2999"), 0, 5)).hasSize(1);
    }
  }
}
