package fr.passerelle.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the batches of a build or a catch-up on a few threads (ADR 0187): while one batch reads its
 * records from the database, another turns its records into documents and hands them to the index
 * writer, which takes documents from several threads. At most {@code width} batches are in flight,
 * so memory stays bounded whatever the size of the database.
 *
 * <p>The first failure is thrown in the caller's thread, once no batch is running any more: a
 * caller that abandons the writer's changes never races a batch still writing. Batches are never
 * interrupted (an interrupt during Lucene's file I/O closes the writer's channels).
 */
final class ParallelBatches implements AutoCloseable {
  private final ExecutorService pool;
  private final Deque<Future<?>> inFlight = new ArrayDeque<>();
  private final int width;

  /** As many threads as the machine has cores, two at most (a desktop keeps one for its window). */
  static ParallelBatches forThisMachine() {
    return new ParallelBatches(
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
  }

  ParallelBatches(int width) {
    this.width = width;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            width,
            r -> {
              Thread t = new Thread(r, "search-index-batch-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1); // the window's threads come first
              return t;
            });
  }

  /** Runs {@code batch} on one of the threads, after waiting for a free one. */
  void submit(Runnable batch) {
    while (inFlight.size() >= width) {
      awaitOldest();
    }
    inFlight.add(pool.submit(batch));
  }

  /** Waits for every batch submitted; throws the first failure. */
  void awaitAll() {
    while (!inFlight.isEmpty()) {
      awaitOldest();
    }
  }

  private void awaitOldest() {
    Future<?> oldest = inFlight.poll();
    try {
      oldest.get();
    } catch (ExecutionException e) {
      drain();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      drain();
      Thread.currentThread().interrupt();
      throw new fr.passerelle.core.CancelledException();
    }
  }

  /** Lets the batches still running finish, their results ignored. */
  private void drain() {
    Future<?> f;
    while ((f = inFlight.poll()) != null) {
      boolean interrupted = false;
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
          break; // the first failure is the one thrown
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for the batches still running (after a failure of the caller) and stops the threads. */
  @Override
  public void close() {
    drain();
    pool.shutdown();
  }
}
