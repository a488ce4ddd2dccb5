package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index in the data folder ({@value #FOLDER}), a cache of the database (ADR 0100).
 *
 * <p><b>Version.</b> Each Lucene commit carries, in its user data, the index format, the database
 * schema (Flyway's last migration), the replica it was built for and the database change sequence
 * it holds. On open, an index of another format, schema or replica, or ahead of the database (a
 * restored backup), is rebuilt; a missing one is built. Until then every search is answered empty,
 * and the caller answers from the database.
 *
 * <p><b>Following the database.</b> Every local write takes the next value of the replica's change
 * sequence, and holds the replica row's lock until it commits: a committed change sequence means
 * every lower one is committed too. So the index reads the current value S, then the rows of the
 * indexed tables changed in (held, S], rewrites their documents, and holds S. Before each answer it
 * compares its value with the database's (one primary-key read): a small gap (a user's save) is
 * caught up in the caller's thread, a large one (a sync import) in the background while the
 * database answers. A catch-up is committed every {@value #WINDOW} change sequences, so a kill at
 * any point resumes from the last commit (documents are rewritten by key: doing a step twice is
 * harmless). It only reads the database: no lock a user's command could wait for.
 */
public final class LuceneSearchIndex implements SearchIndex {
  public static final String FOLDER = "search-index";

  /** The name progress reports carry (the sync view says "Index de recherche"). */
  static final String PROGRESS = "search_index";

  private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);

  /** Change sequences per committed step of a catch-up. */
  static final long WINDOW = 50_000;

  /** A gap up to this is caught up in the searching thread. */
  static final long SYNC_GAP = 2_000;

  /** A database this small is indexed in the searching thread (about a second). */
  static final int SMALL_DATABASE = 10_000;

  /** How long a search waits for a short catch-up running in another thread. */
  private static final long WAIT_SECONDS = 5;

  private final Supplier<DSLContext> dsl;
  private final ReentrantLock lock = new ReentrantLock();
  private final ExecutorService background;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean building;

  /** A build or a catch-up of several steps is running: searches do not wait for it. */
  private volatile boolean longJob;

  // used under lock
  private final IndexFiles files;
  private final IndexBuild build;
  private final IndexCatchUp follow;
  private volatile SearchDocuments documents;
  private final String[] dbSchema = new String[1];

  public LuceneSearchIndex(Supplier<DSLContext> dsl, Path dataDir) {
    this(dsl, dataDir, WINDOW);
  }

  /**
   * The index of an encrypted installation: its files in the data folder encrypted with {@code key}
   * (32 bytes derived from the database's file key, ADR 0171), reopened at each start.
   */
  public static LuceneSearchIndex encrypted(Supplier<DSLContext> dsl, Path dataDir, byte[] key) {
    return new LuceneSearchIndex(dsl, new IndexFiles(dataDir.resolve(FOLDER), key), WINDOW);
  }

  /**
   * {@code window}: change sequences per committed step (tests make it small); {@code dataDir}
   * null: in memory.
   */
  LuceneSearchIndex(Supplier<DSLContext> dsl, Path dataDir, long window) {
    this(dsl, new IndexFiles(dataDir == null ? null : dataDir.resolve(FOLDER)), window);
  }

  /** On {@code files} (clear or encrypted), {@code window} change sequences per committed step. */
  LuceneSearchIndex(Supplier<DSLContext> dsl, IndexFiles files, long window) {
    this.dsl = dsl;
    this.files = files;
    this.build = new IndexBuild(files, this::checkOpen);
    this.follow = new IndexCatchUp(files, window, this::checkOpen);
    this.background =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "search-index");
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            });
  }

  // ------------------------------------------------------------------ answers

  @Override
  public Optional<CandidateHits> candidates(
      CandidateFilter filter, boolean consentingOnly, int offset, int limit, int countCap) {
    return withCurrent(
        s -> IndexQueries.candidates(s, filter, consentingOnly, offset, limit, countCap));
  }

  @Override
  public Optional<List<SearchHit>> find(Kind kind, String text, int limit, boolean consentingOnly) {
    return withCurrent(s -> IndexQueries.find(s, kind, text, limit, consentingOnly));
  }

  @Override
  public Optional<Set<UUID>> candidatesWithContact(
      Collection<String> emailKeys, Collection<String> phoneKeys) {
    return withCurrent(s -> IndexQueries.withContact(s, emailKeys, phoneKeys));
  }

  private interface Reading<T> {
    T read(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code r} on a searcher that holds every committed change, or answers empty. */
  private <T> Optional<T> withCurrent(Reading<T> r) {
    if (!current()) {
      return Optional.empty();
    }
    SearcherManager sm = files.searchers();
    if (sm == null) {
      return Optional.empty();
    }
    try {
      IndexSearcher s = sm.acquire();
      try {
        return Optional.of(r.read(s));
      } finally {
        sm.release(s);
      }
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      LOG.warn("search index read failed; the database answers", e);
      return Optional.empty();
    }
  }

  /**
   * True when the index holds every change the database has committed. A small gap (a user's save),
   * or any gap on a small database (up to {@value #SMALL_DATABASE} candidates and offers), is
   * caught up here, in the caller's thread; a large one in the background.
   */
  private boolean current() {
    if (closed || files.unavailable()) {
      return false;
    }
    DbState now;
    try {
      if (!files.isOpen()) {
        lock.lock();
        try {
          if (!files.open()) {
            return false;
          }
        } finally {
          lock.unlock();
        }
      }
      now = DbState.read(dsl.get(), dbSchema);
    } catch (RuntimeException e) {
      return false; // database closed
    }
    if (upToDate(now)) {
      return true;
    }
    if (!longJob && (smallGap(now) || smallDatabase())) {
      boolean locked = false;
      try {
        locked = lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS);
        if (locked) {
          catchUpLocked(Progress.NONE);
          if (files.dirty()) {
            warmUp(); // commits in the background
          }
          return files.held() >= now.change() && now.matches(files.replica());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("search index catch-up failed; the database answers", e);
        return false;
      } finally {
        if (locked) {
          lock.unlock();
        }
      }
    }
    warmUp();
    return false;
  }

  private boolean upToDate(DbState now) {
    return sameIndex(now) && now.change() == files.held();
  }

  private boolean smallGap(DbState now) {
    long held = files.held();
    return sameIndex(now) && now.change() > held && now.change() - held <= SYNC_GAP;
  }

  /** The index was built for this database (replica and schema), and holds a version of it. */
  private boolean sameIndex(DbState now) {
    return files.held() >= 0 && now.matches(files.replica()) && now.schema().equals(files.schema());
  }

  private boolean smallDatabase() {
    DSLContext ctx = dsl.get();
    return ctx.fetchCount(CANDIDATE) + ctx.fetchCount(JOB_OFFER) <= SMALL_DATABASE;
  }

  // ------------------------------------------------------------------ keeping up

  @Override
  public void warmUp() {
    if (closed || files.unavailable() || !scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            try {
              catchUp(Progress.NONE);
              lock.lock();
              try {
                files.commit();
              } finally {
                lock.unlock();
              }
            } catch (CancelledException e) {
              // closing
            } catch (RuntimeException e) {
              if (!closed) {
                LOG.warn("search index not brought up to date; the database answers", e);
              }
            } finally {
              scheduled.set(false);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      scheduled.set(false);
    }
  }

  @Override
  public int catchUp(Progress progress) {
    if (closed || files.unavailable()) {
      return 0;
    }
    lock.lock();
    try {
      return catchUpLocked(progress);
    } finally {
      lock.unlock();
    }
  }

  /** Builds the index if it is missing or of another database, then follows the changes. */
  private int catchUpLocked(Progress progress) {
    checkOpen();
    if (!files.open()) {
      return 0;
    }
    DSLContext ctx = dsl.get();
    DbState now = DbState.read(ctx, dbSchema);
    int done = 0;
    boolean rebuild = !sameIndex(now) || now.change() < files.held();
    // a search waits for a short job (a small database is built in about a second), not a long one
    longJob = (rebuild || now.change() - files.held() > SYNC_GAP) && !smallDatabase();
    try {
      if (rebuild) {
        building = true;
        try {
          documents = new SearchDocuments(SearchDocuments.Reference.load(ctx));
          done += build.run(ctx, now, documents, progress);
        } finally {
          building = false;
        }
        now = DbState.read(ctx, dbSchema);
      }
      if (now.change() > files.held()) {
        // the reference data (communes, occupations) is read only when there is something to index:
        // not at a start whose index is current, when the first search waits for this lock
        done += follow.run(ctx, now, documents(ctx), progress);
      }
    } finally {
      longJob = false;
    }
    return done;
  }

  private SearchDocuments documents(DSLContext ctx) {
    SearchDocuments d = documents;
    if (d == null) {
      d = new SearchDocuments(SearchDocuments.Reference.load(ctx));
      documents = d;
    }
    return d;
  }

  /**
   * Forgets the index of a data folder whose database was rebuilt after a crash (ADR 0080): its
   * documents may name rows the rebuilt file lost, at change sequences the file will issue again.
   * Built afresh from the database at the next open. The folder's index must not be open.
   */
  /**
   * The database's schema as the index records it: an index built over another schema is rebuilt.
   * Equal on an embedded installation and on the office server it moved to (ADR 0211).
   */
  public static String schemaStamp(DSLContext ctx) {
    return DbState.schema(ctx);
  }

  public static void discard(Path dataDir) {
    IndexFiles.delete(dataDir.resolve(FOLDER));
  }

  private void checkOpen() {
    if (closed) {
      throw new CancelledException();
    }
  }

  @Override
  public IndexStatus status() {
    long held = files.held();
    if (files.unavailable()) {
      return new IndexStatus(IndexStatus.State.UNAVAILABLE, held, 0);
    }
    if (building) {
      return new IndexStatus(IndexStatus.State.BUILDING, -1, 0);
    }
    int docs = files.documents();
    boolean caughtUp;
    try {
      DbState now = DbState.read(dsl.get(), dbSchema);
      caughtUp = held >= 0 && now.matches(files.replica()) && now.change() == held;
    } catch (RuntimeException e) {
      caughtUp = false;
    }
    return new IndexStatus(
        caughtUp
            ? IndexStatus.State.CURRENT
            : held < 0 ? IndexStatus.State.BUILDING : IndexStatus.State.CATCHING_UP,
        held,
        docs);
  }

  @Override
  public void close() {
    closed = true;
    background.shutdown(); // no interrupt: Lucene's files must not see one
    try {
      background.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      if (files.isOpen()) {
        try {
          files.commit();
        } catch (RuntimeException e) {
          LOG.debug("last commit of the search index", e);
        }
      }
      files.close();
    } finally {
      lock.unlock();
    }
  }

  /** Tests: the change sequence of the last commit on disk (opens the folder if needed). */
  long committedChange() {
    lock.lock();
    try {
      files.open();
      return files.held();
    } finally {
      lock.unlock();
    }
  }

  /** Tests: what a kill does, dropping everything written since the last commit. */
  void kill() {
    closed = true;
    background.shutdown();
    lock.lock();
    try {
      files.abandon();
    } finally {
      lock.unlock();
    }
  }
}
