package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.REPLICA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedWriterTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private Services services;

  @BeforeEach
  void open() {
    services = TestServices.open(dir, clock);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private UUID replica() {
    return ReplicatedWriter.currentReplica(services.db().dsl()).getId();
  }

  private UUID insertCandidate(String lastName) {
    return services
        .db()
        .dsl()
        .transactionResult(
            cfg -> {
              CandidateRecord c = cfg.dsl().newRecord(CANDIDATE);
              c.setLastName(lastName);
              return services.writer().insert(cfg.dsl(), c).getId();
            });
  }

  private CandidateRecord load(UUID id) {
    return services.db().dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(id)).fetchSingle();
  }

  @Test
  void newRowsGetIdsInTheOrderTheyWereMadeAsTheDatabaseSortsThem() {
    // ADR 0196: the indexes that begin with the id grow at their end (a commit rewrites a few
    // pages, not all of them), which holds only if H2 orders the ids as they were made
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      made.add(insertCandidate("Nom" + i));
      clock.advanceMillis(1 + i % 3);
    }
    assertThat(made).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    assertThat(made).allSatisfy(id -> assertThat(id.variant()).isEqualTo(2));
    assertThat(
            services
                .db()
                .dsl()
                .select(CANDIDATE.ID)
                .from(CANDIDATE)
                .orderBy(CANDIDATE.ID)
                .fetch(CANDIDATE.ID))
        .containsExactlyElementsOf(made);
  }

  @Test
  void insertStampsTheDotVersionVectorHlcAndChangeSeq() {
    UUID id = insertCandidate("Martin");
    CandidateRecord c = load(id);
    assertThat(c.getDotReplica()).isEqualTo(replica());
    assertThat(c.getDotSeq()).isEqualTo(1);
    assertThat(VersionVector.parse(c.getVv()).get(replica())).isEqualTo(1);
    assertThat(Hlc.physicalMillis(c.getHlc())).isEqualTo(clock.millis());
    assertThat(c.getDeleted()).isFalse();
    assertThat(c.getChangeSeq()).isEqualTo(1);
  }

  @Test
  void updateAdvancesTheDotAndVersionVector() {
    UUID id = insertCandidate("Martin");
    long firstHlc = load(id).getHlc();
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              CandidateRecord c =
                  cfg.dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(id)).fetchSingle();
              c.setFirstName("Léa");
              services.writer().update(cfg.dsl(), c);
            });
    CandidateRecord c = load(id);
    assertThat(c.getFirstName()).isEqualTo("Léa");
    assertThat(c.getDotSeq()).isEqualTo(2);
    assertThat(VersionVector.parse(c.getVv()).get(replica())).isEqualTo(2);
    assertThat(c.getChangeSeq()).isEqualTo(2);
    assertThat(c.getHlc()).isGreaterThan(firstHlc);
  }

  @Test
  void hlcIsMonotonicEvenWhenTheWallClockGoesBack() {
    UUID a = insertCandidate("A");
    clock.advanceMillis(-60_000);
    UUID b = insertCandidate("B");
    clock.advanceMillis(120_000);
    UUID c = insertCandidate("C");
    assertThat(load(b).getHlc()).isGreaterThan(load(a).getHlc());
    assertThat(load(c).getHlc()).isGreaterThan(load(b).getHlc());
  }

  @Test
  void deleteLeavesATombstoneWithOnlyIdAndSyncColumns() {
    UUID id = insertCandidate("Martin");
    boolean deleted =
        services
            .db()
            .dsl()
            .transactionResult(cfg -> services.writer().delete(cfg.dsl(), CANDIDATE, id));
    assertThat(deleted).isTrue();
    CandidateRecord c = load(id);
    assertThat(c.getDeleted()).isTrue();
    assertThat(c.getLastName()).isNull();
    assertThat(c.getDotSeq()).isEqualTo(2);
    assertThat(VersionVector.parse(c.getVv()).get(replica())).isEqualTo(2);
    boolean again =
        services
            .db()
            .dsl()
            .transactionResult(cfg -> services.writer().delete(cfg.dsl(), CANDIDATE, id));
    assertThat(again).isFalse();
  }

  /**
   * ADR 0201/0203: a put-back revives the tombstone as a new version of the same row; a live row is
   * left alone (nothing written); a row absent altogether is inserted with its id.
   */
  @Test
  void putBackRevivesTheTombstoneLeavesALiveRowAndInsertsAnAbsentOne() {
    UUID id = insertCandidate("Martin");
    services.db().dsl().transaction(cfg -> services.writer().delete(cfg.dsl(), CANDIDATE, id));
    assertThat(putBack(id, "Martin")).isPresent();
    CandidateRecord back = load(id);
    assertThat(back.getDeleted()).isFalse();
    assertThat(back.getLastName()).isEqualTo("Martin");
    assertThat(back.getDotSeq()).isEqualTo(3);
    assertThat(VersionVector.parse(back.getVv()).get(replica())).isEqualTo(3);

    assertThat(putBack(id, "Roux")).as("a live row is not taken over").isEmpty();
    assertThat(load(id).getLastName()).isEqualTo("Martin");
    assertThat(load(id).getDotSeq()).isEqualTo(3);

    UUID gone = UUID.randomUUID();
    assertThat(putBack(gone, "Roux")).isPresent();
    assertThat(load(gone).getLastName()).isEqualTo("Roux");
    assertThat(services.db().dsl().fetchCount(CANDIDATE)).isEqualTo(2);
  }

  private java.util.Optional<CandidateRecord> putBack(UUID id, String lastName) {
    return services
        .db()
        .dsl()
        .transactionResult(
            cfg ->
                services.writer().putBack(cfg.dsl(), CANDIDATE, id, c -> c.setLastName(lastName)));
  }

  @Test
  void aFailedTransactionLeavesTheCountersAsBefore() {
    insertCandidate("Martin");
    long seqBefore =
        services
            .db()
            .dsl()
            .select(REPLICA.SEQ)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT)
            .fetchSingle()
            .value1();
    assertThatThrownBy(
            () ->
                services
                    .db()
                    .dsl()
                    .transaction(
                        cfg -> {
                          CandidateRecord c = cfg.dsl().newRecord(CANDIDATE);
                          services.writer().insert(cfg.dsl(), c);
                          throw new IllegalStateException("boom");
                        }))
        .isInstanceOf(IllegalStateException.class);
    long seqAfter =
        services
            .db()
            .dsl()
            .select(REPLICA.SEQ)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT)
            .fetchSingle()
            .value1();
    assertThat(seqAfter).isEqualTo(seqBefore);
    assertThat(services.db().dsl().fetchCount(CANDIDATE)).isEqualTo(1);
  }

  @Test
  void reservedBlocksGiveConsecutiveStamps() {
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              var block = services.writer().reserve(cfg.dsl(), 3);
              Stamp s1 = block.next();
              Stamp s2 = block.next();
              assertThat(s2.seq()).isEqualTo(s1.seq() + 1);
              assertThat(s2.hlc()).isGreaterThan(s1.hlc());
              assertThat(s2.changeSeq()).isEqualTo(s1.changeSeq() + 1);
              assertThat(block.remaining()).isEqualTo(1);
            });
    insertCandidate("After");
    assertThat(services.db().dsl().select(CANDIDATE.DOT_SEQ).from(CANDIDATE).fetchSingle().value1())
        .isEqualTo(4);
  }

  @Test
  void refusesToStampALocalTable() {
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              var r = cfg.dsl().newRecord(REPLICA);
              assertThatThrownBy(() -> services.writer().insert(cfg.dsl(), r))
                  .isInstanceOf(IllegalArgumentException.class);
            });
  }
}
