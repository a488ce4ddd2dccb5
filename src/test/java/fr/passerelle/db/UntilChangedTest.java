package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.MEETING;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answer kept until the installation's next change is never older than the database. */
class UntilChangedTest {
  @TempDir Path dir;
  private Services services;
  private MeetingFixture fixture;

  @BeforeEach
  void open() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    fixture = new MeetingFixture(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void aChangeCommittedWhileTheAnswerWasReadIsReadAtTheNextCall() {
    UntilChanged<String, Integer> kept = new UntilChanged<>(services.db(), 2);
    AtomicInteger reads = new AtomicInteger();
    int first =
        kept.get(
            "meetings",
            ctx -> {
              reads.incrementAndGet();
              int n = ctx.fetchCount(MEETING);
              // a colleague's save commits after the rows were read, before the answer is kept
              fixture.meeting("Info coll", MeetingFixture.NEXT_MONDAY.atTime(9, 0), 60, null);
              return n;
            });
    assertThat(first).isZero();

    assertThat(kept.get("meetings", ctx -> count(ctx, reads))).isEqualTo(1);
    assertThat(kept.get("meetings", ctx -> count(ctx, reads))).isEqualTo(1);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aWriteRolledBackChangesNothingAndKeepsTheAnswer() {
    UntilChanged<String, Integer> kept = new UntilChanged<>(services.db(), 2);
    AtomicInteger reads = new AtomicInteger();
    kept.get("meetings", ctx -> count(ctx, reads));
    try {
      services
          .db()
          .dsl()
          .transaction(
              cfg -> {
                services.writer().reserve(cfg.dsl(), 1);
                throw new IllegalStateException("the counselor's action failed");
              });
    } catch (RuntimeException expected) {
      // rolled back
    }
    assertThat(kept.get("meetings", ctx -> count(ctx, reads))).isZero();
    assertThat(reads).hasValue(1);
  }

  private static int count(org.jooq.DSLContext ctx, AtomicInteger reads) {
    reads.incrementAndGet();
    return ctx.fetchCount(MEETING);
  }
}
