package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.SYNC_CONFLICT;
import static fr.passerelle.db.jooq.Tables.SYNC_DIRECTORY;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every time stamp a sync stores comes from the office's injected clock (issue #12), not the
 * machine's: the clocks are set years away from the machine's now, and each stamp must be theirs.
 */
class SyncClockStampsTest {
  /** 2030-01-01T00:00:00Z and 2031-01-01T00:00:00Z: years from the machine's now. */
  static final long AT_A = 1_893_456_000_000L;

  static final long AT_B = 1_924_992_000_000L;

  /**
   * Where the nodes' manual clocks start (TestServices.ManualClock): when they trust each other.
   */
  static final long TRUSTED_AT = new fr.passerelle.testsupport.TestServices.ManualClock().millis();

  @TempDir Path root;
  Node a;
  Node b;

  @BeforeEach
  void setUp() {
    Node[] pair = Node.trustingPair(root);
    a = pair[0];
    b = pair[1];
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  private static long millis(OffsetDateTime t) {
    return t.toInstant().toEpochMilli();
  }

  @Test
  void anExportIsStampedAtTheSendersClock() {
    a.addCandidate("Martin");
    a.clock.set(AT_A);
    a.sendTo(b);
    assertThat(a.dsl().select(PEER.LAST_EXPORT_AT).from(PEER).fetch(PEER.LAST_EXPORT_AT))
        .anySatisfy(t -> assertThat(millis(t)).isEqualTo(AT_A));
    List<OffsetDateTime> exported =
        a.dsl()
            .select(SYNC_LOG.AT)
            .from(SYNC_LOG)
            .where(SYNC_LOG.DIRECTION.eq("EXPORT"))
            .fetch(SYNC_LOG.AT);
    assertThat(exported).isNotEmpty().allSatisfy(t -> assertThat(millis(t)).isEqualTo(AT_A));
  }

  @Test
  void theDirectoryLearnsAtTheReceiversClock() {
    a.addCandidate("Martin");
    b.clock.set(AT_B);
    a.sendTo(b);
    List<OffsetDateTime> learned =
        b.dsl()
            .select(SYNC_DIRECTORY.LEARNED_AT)
            .from(SYNC_DIRECTORY)
            .fetch(SYNC_DIRECTORY.LEARNED_AT);
    // the sender's card was learned at the trust, before the clock was set; the rest at the import
    assertThat(learned)
        .allSatisfy(t -> assertThat(millis(t)).isIn(TRUSTED_AT, AT_B))
        .anySatisfy(t -> assertThat(millis(t)).isEqualTo(AT_B));
  }

  @Test
  void aConflictIsResolvedAtTheOfficesClock() {
    UUID cand = a.addCandidate("Martin");
    a.sendTo(b);
    a.renameCandidate(cand, "Martin-A");
    b.clock.advanceMillis(1000);
    b.renameCandidate(cand, "Martin-B");
    b.sendTo(a);
    a.sendTo(b);
    var open = b.sync().conflicts().open(10);
    assertThat(open).isNotEmpty();
    b.clock.set(AT_B);
    b.sync().conflicts().keep(open.stream().map(c -> c.id()).toList());
    assertThat(
            b.dsl()
                .select(SYNC_CONFLICT.RESOLVED_AT)
                .from(SYNC_CONFLICT)
                .where(SYNC_CONFLICT.RESOLVED_AT.isNotNull())
                .fetch(SYNC_CONFLICT.RESOLVED_AT))
        .hasSize(open.size())
        .allSatisfy(t -> assertThat(millis(t)).isEqualTo(AT_B));
  }
}
