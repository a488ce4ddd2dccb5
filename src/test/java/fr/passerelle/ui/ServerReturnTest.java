package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What waits for the office server runs once it answers, once; cancelled or closed, never (ADR
 * 0211).
 */
class ServerReturnTest {
  private final AtomicBoolean up = new AtomicBoolean(false);
  private final List<String> ran = new ArrayList<>();

  @Test
  void whatWaitsRunsOnceWhenTheServerAnswersAndNotBefore() {
    ServerReturn r = new ServerReturn(up::get, Runnable::run, 3_600_000L);
    r.whenBack(() -> ran.add("offer"));
    r.whenBack(() -> ran.add("meeting"));
    r.checkNow();
    assertThat(ran).isEmpty();
    assertThat(r.anyWaiting()).isTrue();

    up.set(true);
    r.checkNow();
    r.checkNow();
    assertThat(ran).containsExactly("offer", "meeting");
    assertThat(r.anyWaiting()).isFalse();
  }

  @Test
  void aCancelledOrClosedWaitNeverRuns() {
    ServerReturn r = new ServerReturn(up::get, Runnable::run, 3_600_000L);
    ServerReturn.Waiting w = r.whenBack(() -> ran.add("cancelled"));
    w.cancel();
    r.whenBack(() -> ran.add("closed"));
    r.close();
    r.whenBack(() -> ran.add("after close"));
    up.set(true);
    r.checkNow();
    assertThat(ran).isEmpty();
  }

  @Test
  void itsOwnThreadAsksTheServerUntilItAnswers() throws InterruptedException {
    AtomicInteger asked = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    try (ServerReturn r =
        new ServerReturn(() -> asked.incrementAndGet() >= 3, Runnable::run, 20L)) {
      r.whenBack(done::countDown);
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(asked.get()).isGreaterThanOrEqualTo(3);
      assertThat(r.anyWaiting()).isFalse();
    }
  }

  @Test
  void onlyALostServerMakesASaveWait() {
    ServerReturn r = new ServerReturn(up::get, Runnable::run, 3_600_000L);
    SaveRetry retry = new SaveRetry(r);
    assertThat(retry.after(new IllegalStateException("Boom"), () -> ran.add("again"))).isFalse();
    assertThat(
            retry.after(
                new RuntimeException(new java.sql.SQLException("shutting down", "57P01")),
                () -> ran.add("again")))
        .isTrue();
    assertThat(retry.pending()).isTrue();
    up.set(true);
    r.checkNow();
    assertThat(ran).containsExactly("again");
  }
}
