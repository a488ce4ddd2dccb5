package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_REINDEX;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jooq.DSLContext;

/**
 * Holds the {@link NameOrderIndex} while it matches the data. The data version is the highest local
 * change sequence of {@code candidate}, {@code candidate_occupation}, {@code candidate_criterion}
 * and {@code candidate_consent} (indexed MAX lookups, one query per search): every write of a
 * candidate or its parts, an import or a sync import raises one of them. When the snapshot is
 * missing or stale, {@link #fresh()} answers empty (the caller uses the SQL path, which is always
 * exact) and a rebuild starts on {@code executor}; the snapshot is never used for a version other
 * than the one it was read at, and none is built while search keys are queued.
 */
final class NameIndexCache {
  private static final Logger LOG = Logger.getLogger(NameIndexCache.class.getName());
  private static final String NOTHING_QUEUED = ";queued=0";

  private final Supplier<DSLContext> dsl;
  private final Executor executor;
  private final AtomicBoolean building = new AtomicBoolean();
  private final AtomicLong generation = new AtomicLong();
  private volatile NameOrderIndex current;

  NameIndexCache(Supplier<DSLContext> dsl, Executor executor) {
    this.dsl = dsl;
    this.executor = executor;
  }

  /** The snapshot if it is current; otherwise empty, and a rebuild is started. */
  Optional<NameOrderIndex> fresh() {
    String version = version(dsl.get());
    NameOrderIndex idx = current;
    if (idx != null && idx.key().equals(version)) {
      return Optional.of(idx);
    }
    if (!version.endsWith(NOTHING_QUEUED)) {
      return Optional.empty(); // search keys still being written after an import: not yet
    }
    if (building.compareAndSet(false, true)) {
      current = null;
      executor.execute(this::rebuild);
    }
    return Optional.empty();
  }

  /** Forgets the snapshot (the token table was rebuilt without a change of version). */
  void invalidate() {
    generation.incrementAndGet();
    current = null;
  }

  private void rebuild() {
    long gen = generation.get();
    try {
      DSLContext ctx = dsl.get();
      // the version is read before the data: a write during the build makes the snapshot stale
      String version = version(ctx);
      NameOrderIndex built = NameOrderIndex.build(ctx, version);
      if (gen == generation.get() && version.endsWith(NOTHING_QUEUED)) {
        current = built;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "candidate name index not built (database closed?)", e);
    } finally {
      building.set(false);
    }
  }

  /**
   * The data version, and how many candidates wait for their search keys ({@link
   * CandidateIndex#catchUp}): the queue only shrinks as keys are written, so a snapshot read while
   * it was not empty never matches a later version.
   */
  static String version(DSLContext ctx) {
    return fr.passerelle.db.Snapshots.version(
            ctx, CANDIDATE, CANDIDATE_OCCUPATION, CANDIDATE_CRITERION, CANDIDATE_CONSENT)
        + ";queued="
        + ctx.fetchCount(CANDIDATE_REINDEX);
  }
}
