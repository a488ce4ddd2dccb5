package fr.passerelle.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The index's batches on threads (ADR 0187): bounded, every batch done, failures not lost. */
class ParallelBatchesTest {

  @Test
  void everyBatchRunsAndNoMoreThanTheWidthWaitAtOnce() {
    AtomicInteger done = new AtomicInteger();
    int most = 0;
    try (ParallelBatches batches = new ParallelBatches(2)) {
      for (int i = 0; i < 40; i++) {
        batches.submit(
            () -> {
              sleep(2);
              done.incrementAndGet();
            });
        // a batch holds its records until it is done: memory stays bounded by the width
        most = Math.max(most, i + 1 - done.get());
      }
      batches.awaitAll();
      assertEquals(40, done.get(), "every batch ran before awaitAll returned");
    }
    assertTrue(most <= 2, "at most two batches submitted and not done, saw " + most);
  }

  @Test
  void twoBatchesRunAtTheSameTime() throws Exception {
    // the point of the class: a batch reading the database while another writes documents
    CountDownLatch both = new CountDownLatch(2);
    AtomicInteger met = new AtomicInteger();
    try (ParallelBatches batches = new ParallelBatches(2)) {
      for (int i = 0; i < 2; i++) {
        batches.submit(
            () -> {
              both.countDown();
              if (await(both)) {
                met.incrementAndGet();
              }
            });
      }
      batches.awaitAll();
    }
    assertEquals(2, met.get(), "each batch saw the other running");
  }

  @Test
  void theFirstFailureIsThrownOnceNoBatchRunsAnyMore() {
    IllegalStateException boom = new IllegalStateException("disk full");
    AtomicInteger running = new AtomicInteger();
    AtomicInteger after = new AtomicInteger(-1);
    ParallelBatches batches = new ParallelBatches(2);
    CountDownLatch slowStarted = new CountDownLatch(1);
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> {
              try (batches) {
                try {
                  batches.submit(
                      () -> {
                        await(slowStarted);
                        throw boom;
                      });
                  batches.submit(
                      () -> {
                        running.incrementAndGet();
                        slowStarted.countDown();
                        sleep(200);
                        running.decrementAndGet();
                      });
                  for (int i = 0; i < 5; i++) {
                    batches.submit(() -> sleep(1));
                  }
                  batches.awaitAll();
                } catch (RuntimeException e) {
                  after.set(running.get()); // as the caller sees it, before closing
                  throw e;
                }
              }
            });
    assertSame(boom, thrown, "the batch's own exception, not a wrapper");
    assertEquals(0, after.get(), "the slow batch had finished when the failure was thrown");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
