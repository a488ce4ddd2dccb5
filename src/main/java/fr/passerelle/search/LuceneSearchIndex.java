package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;
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

  /** Bumped when the documents or their analysis change: an older index is rebuilt. */
  static final String FORMAT = "3";

  static final String KEY_FORMAT = "format";
  static final String KEY_SCHEMA = "schema";
  static final String KEY_REPLICA = "replica";
  static final String KEY_CHANGE = "change_seq";

  private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);

  /** Records read from the database per query. */
  private static final int BATCH = 2_000;

  /** Change sequences per committed step of a catch-up. */
  static final long WINDOW = 50_000;

  private final long window;

  /** A gap up to this is caught up in the searching thread. */
  static final long SYNC_GAP = 2_000;

  /** A database this small is indexed in the searching thread (about a second). */
  static final int SMALL_DATABASE = 10_000;

  /** How long a search waits for a short catch-up running in another thread. */
  private static final long WAIT_SECONDS = 5;

  private final Supplier<DSLContext> dsl;
  private final Path folder;
  private final ReentrantLock lock = new ReentrantLock();
  private final ExecutorService background;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean unavailable;
  private volatile boolean building;

  /** A build or a catch-up of several steps is running: searches do not wait for it. */
  private volatile boolean longJob;

  // written under lock
  private Directory dir;
  private IndexWriter writer;
  private SearcherManager searchers;
  private volatile SearchDocuments documents;
  private volatile long held = -1;
  private volatile UUID replica;
  private volatile String schema;
  private boolean dirty;
  private final String[] dbSchema = new String[1];

  public LuceneSearchIndex(Supplier<DSLContext> dsl, Path dataDir) {
    this(dsl, dataDir, WINDOW);
  }

  /**
   * An index kept in memory only, rebuilt at each start (an encrypted installation: no clear copy
   * of its data on disk, ADR 0110).
   */
  public static LuceneSearchIndex inMemory(Supplier<DSLContext> dsl) {
    return new LuceneSearchIndex(dsl, null, WINDOW);
  }

  /**
   * {@code window}: change sequences per committed step (tests make it small); {@code dataDir}
   * null: in memory.
   */
  LuceneSearchIndex(Supplier<DSLContext> dsl, Path dataDir, long window) {
    this.window = window;
    this.dsl = dsl;
    this.folder = dataDir == null ? null : dataDir.resolve(FOLDER);
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
    SearcherManager sm = searchers;
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
    if (closed || unavailable) {
      return false;
    }
    DbState now;
    try {
      if (writer == null) {
        lock.lock();
        try {
          if (!open()) {
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
          if (dirty) {
            warmUp(); // commits in the background
          }
          return held >= now.change() && now.matches(replica);
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
    return held >= 0 && now.matches(replica) && now.schema().equals(schema) && now.change() == held;
  }

  private boolean smallGap(DbState now) {
    return held >= 0
        && now.matches(replica)
        && now.schema().equals(schema)
        && now.change() > held
        && now.change() - held <= SYNC_GAP;
  }

  private boolean smallDatabase() {
    DSLContext ctx = dsl.get();
    return ctx.fetchCount(CANDIDATE) + ctx.fetchCount(JOB_OFFER) <= SMALL_DATABASE;
  }

  // ------------------------------------------------------------------ keeping up

  @Override
  public void warmUp() {
    if (closed || unavailable || !scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            try {
              catchUp(Progress.NONE);
              lock.lock();
              try {
                commit();
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
    if (closed || unavailable) {
      return 0;
    }
    lock.lock();
    try {
      return catchUpLocked(progress);
    } finally {
      lock.unlock();
    }
  }

  private int catchUpLocked(Progress progress) {
    if (!open()) {
      return 0;
    }
    DSLContext ctx = dsl.get();
    DbState now = DbState.read(ctx, dbSchema);
    int done = 0;
    boolean rebuild =
        held < 0 || !now.matches(replica) || !now.schema().equals(schema) || now.change() < held;
    // a search waits for a short job (a small database is built in about a second), not a long one
    longJob = (rebuild || now.change() - held > SYNC_GAP) && !smallDatabase();
    try {
      if (rebuild) {
        done += build(ctx, now, progress);
        now = DbState.read(ctx, dbSchema);
      }
      done += follow(ctx, now, progress);
    } finally {
      longJob = false;
    }
    return done;
  }

  private int follow(DSLContext ctx, DbState now, Progress progress) {
    int done = 0;
    while (held < now.change()) {
      long to = Math.min(now.change(), held + window);
      done += step(ctx, held, to);
      held = to;
      dirty = true;
      if (to < now.change() || done >= BATCH) {
        commit(); // a long catch-up is committed step by step: a kill resumes from here
      }
      refresh();
      progress.update(held, now.change(), PROGRESS);
      checkOpen();
    }
    return done;
  }

  /** Rewrites the documents of the records changed in {@code (from, to]}. */
  private int step(DSLContext ctx, long from, long to) {
    Map<Kind, Set<String>> changed = new HashMap<>();
    for (Kind k : Kind.values()) {
      changed.put(k, new LinkedHashSet<>());
    }
    Set<String> cands = changed.get(Kind.CANDIDATE);
    ids(ctx, CANDIDATE, CANDIDATE.ID, from, to).forEach(cands::add);
    ids(ctx, CANDIDATE_CONSENT, CANDIDATE_CONSENT.ID, from, to).forEach(cands::add);
    // rows that no longer name their parent (tombstones keep only their id), and employers
    // (their name is in their offers' documents): the index knows which documents hold them
    List<String> rows = new ArrayList<>();
    partsChanged(
        ctx, CANDIDATE_OCCUPATION.ID, CANDIDATE_OCCUPATION.CANDIDATE_ID, from, to, rows, cands);
    partsChanged(
        ctx, CANDIDATE_CRITERION.ID, CANDIDATE_CRITERION.CANDIDATE_ID, from, to, rows, cands);
    ids(ctx, JOB_OFFER, JOB_OFFER.ID, from, to).forEach(changed.get(Kind.OFFER)::add);
    List<String> employers = ids(ctx, EMPLOYER, EMPLOYER.ID, from, to);
    changed.get(Kind.EMPLOYER).addAll(employers);
    rows.addAll(employers);
    ids(ctx, MEETING, MEETING.ID, from, to).forEach(changed.get(Kind.MEETING)::add);
    documentsHolding(rows, changed);
    int n = 0;
    for (Map.Entry<Kind, Set<String>> e : changed.entrySet()) {
      n += rewrite(ctx, e.getKey(), e.getValue());
    }
    return n;
  }

  /**
   * The rows of a candidate's part (occupations, criteria) changed in {@code (from, to]}: their
   * candidate to {@code parents}; a tombstone's own id to {@code orphans} (it names no candidate).
   */
  private static void partsChanged(
      DSLContext ctx,
      org.jooq.TableField<?, UUID> id,
      org.jooq.TableField<?, UUID> parent,
      long from,
      long to,
      List<String> orphans,
      Set<String> parents) {
    Field<Long> seq = id.getTable().field("CHANGE_SEQ", Long.class);
    ctx.select(id, parent)
        .from(id.getTable())
        .where(seq.gt(from))
        .and(seq.le(to))
        .forEach(
            r -> {
              if (r.value2() == null) {
                orphans.add(r.value1().toString());
              } else {
                parents.add(r.value2().toString());
              }
            });
  }

  private static List<String> ids(
      DSLContext ctx, Table<?> table, Field<UUID> id, long from, long to) {
    Field<Long> seq = table.field("CHANGE_SEQ", Long.class);
    return ctx.select(id)
        .from(table)
        .where(seq.gt(from))
        .and(seq.le(to))
        .fetch(r -> r.value1().toString());
  }

  /** Adds the documents that hold one of these rows (see {@link Fields#ROW}). */
  private void documentsHolding(List<String> rows, Map<Kind, Set<String>> into) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      IndexSearcher s = searchers.acquire();
      try {
        for (int i = 0; i < rows.size(); i += 10_000) {
          List<org.apache.lucene.util.BytesRef> terms =
              rows.subList(i, Math.min(rows.size(), i + 10_000)).stream()
                  .map(org.apache.lucene.util.BytesRef::new)
                  .toList();
          List<Integer> docs = new ArrayList<>();
          s.search(
              new org.apache.lucene.search.TermInSetQuery(Fields.ROW, terms),
              new org.apache.lucene.search.SimpleCollector() {
                private int base;

                @Override
                protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext c) {
                  base = c.docBase;
                }

                @Override
                public void collect(int doc) {
                  docs.add(base + doc);
                }

                @Override
                public org.apache.lucene.search.ScoreMode scoreMode() {
                  return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
                }
              });
          var stored = s.storedFields();
          for (int doc : docs) {
            Document d = stored.document(doc, Set.of(Fields.ID, Fields.KIND));
            String id = d.get(Fields.ID);
            Kind.ofCode(d.get(Fields.KIND)).ifPresent(k -> into.get(k).add(id));
          }
        }
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Re-reads these records and rewrites their documents (deletes those gone). */
  private int rewrite(DSLContext ctx, Kind kind, Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += BATCH) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + BATCH));
      Map<String, Document> docs = documents(ctx).load(ctx, kind, chunk);
      try {
        for (String id : chunk) {
          Term key = new Term(Fields.KEY, kind.key(id));
          Document d = docs.get(id);
          if (d == null) {
            writer.deleteDocuments(key);
          } else {
            writer.updateDocument(key, d);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      checkOpen();
    }
    return all.size();
  }

  /** Rebuilds every document from the database, as of {@code now}; committed at the end only. */
  private int build(DSLContext ctx, DbState now, Progress progress) {
    building = true;
    long t0 = System.nanoTime();
    try {
      held = -1;
      documents = new SearchDocuments(SearchDocuments.Reference.load(ctx));
      writer.deleteAll();
      int total =
          ctx.fetchCount(CANDIDATE, CANDIDATE.DELETED.isFalse())
              + ctx.fetchCount(JOB_OFFER, JOB_OFFER.DELETED.isFalse());
      int[] done = {0};
      addAll(ctx, Kind.CANDIDATE, CANDIDATE, CANDIDATE.ID, done, total, progress);
      addAll(ctx, Kind.OFFER, JOB_OFFER, JOB_OFFER.ID, done, total, progress);
      addAll(ctx, Kind.MEETING, MEETING, MEETING.ID, done, total, progress);
      addAll(ctx, Kind.EMPLOYER, EMPLOYER, EMPLOYER.ID, done, total, progress);
      List<String> codes =
          ctx.select(OCCUPATION.ROME_CODE).from(OCCUPATION).fetch(OCCUPATION.ROME_CODE);
      for (Document d : documents.load(ctx, Kind.OCCUPATION, codes).values()) {
        writer.addDocument(d);
      }
      held = now.change();
      replica = now.replica();
      schema = now.schema();
      dirty = true;
      commit();
      refresh();
      LOG.info(
          "search index built: {} documents in {} ms",
          writer.getDocStats().numDocs,
          (System.nanoTime() - t0) / 1_000_000);
      return done[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      abandon();
      throw e;
    } finally {
      building = false;
    }
  }

  private void addAll(
      DSLContext ctx,
      Kind kind,
      Table<?> table,
      Field<UUID> id,
      int[] done,
      int total,
      Progress progress)
      throws IOException {
    Field<Boolean> deleted = table.field("DELETED", Boolean.class);
    UUID after = null;
    while (true) {
      var q = ctx.select(id).from(table).where(deleted.isFalse());
      if (after != null) {
        q = q.and(id.gt(after));
      }
      List<UUID> chunk = q.orderBy(id).limit(BATCH).fetch(Record1::value1);
      if (chunk.isEmpty()) {
        return;
      }
      after = chunk.get(chunk.size() - 1);
      List<String> keys = chunk.stream().map(UUID::toString).toList();
      for (Document d : documents.load(ctx, kind, keys).values()) {
        writer.addDocument(d);
      }
      done[0] += chunk.size();
      progress.update(Math.min(done[0], total), Math.max(total, done[0]), PROGRESS);
      checkOpen();
      if (progress.isCancelled()) {
        throw new CancelledException();
      }
    }
  }

  private SearchDocuments documents(DSLContext ctx) {
    SearchDocuments d = documents;
    if (d == null) {
      d = new SearchDocuments(SearchDocuments.Reference.load(ctx));
      documents = d;
    }
    return d;
  }

  // ------------------------------------------------------------------ Lucene files

  /** Opens the folder and reads the version of its last commit (once). False if unusable. */
  private boolean open() {
    if (unavailable) {
      return false;
    }
    if (writer != null) {
      return true;
    }
    checkOpen();
    try {
      dir = directory();
      Map<String, String> data = Map.of();
      if (DirectoryReader.indexExists(dir)) {
        data = SegmentInfos.readLatestCommit(dir).getUserData();
      }
      // an index of another format (another order of its documents) is started afresh
      boolean sameFormat = FORMAT.equals(data.get(KEY_FORMAT));
      writer =
          new IndexWriter(
              dir,
              config(
                  sameFormat
                      ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                      : IndexWriterConfig.OpenMode.CREATE));
      searchers = new SearcherManager(writer, true, false, null);
      if (FORMAT.equals(data.get(KEY_FORMAT)) && data.get(KEY_CHANGE) != null) {
        held = Long.parseLong(data.get(KEY_CHANGE));
        replica = UUID.fromString(data.get(KEY_REPLICA));
        schema = data.get(KEY_SCHEMA);
      } else {
        held = -1;
      }
      return true;
    } catch (LockObtainFailedException e) {
      LOG.warn("search index folder {} is used by another process; the database answers", folder);
      unavailable = true;
      closeQuietly();
      return false;
    } catch (IOException | RuntimeException e) {
      LOG.warn("search index in {} cannot be opened; it is rebuilt", folder, e);
      closeQuietly();
      return reset();
    }
  }

  /** The writer's settings: documents kept in name order (ADR 0160). */
  private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig cfg = new IndexWriterConfig(new WhitespaceAnalyzer());
    cfg.setOpenMode(mode);
    cfg.setRAMBufferSizeMB(48);
    cfg.setCommitOnClose(false);
    cfg.setIndexSort(Fields.INDEX_ORDER);
    return cfg;
  }

  private Directory directory() throws IOException {
    if (folder == null) {
      return new org.apache.lucene.store.ByteBuffersDirectory();
    }
    Files.createDirectories(folder);
    return FSDirectory.open(folder);
  }

  /**
   * Forgets the index of a data folder whose database was rebuilt after a crash (ADR 0080): its
   * documents may name rows the rebuilt file lost, at change sequences the file will issue again.
   * Built afresh from the database at the next open. The folder's index must not be open.
   */
  public static void discard(Path dataDir) {
    Path folder = dataDir.resolve(FOLDER);
    if (!Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot remove the search index " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Deletes an unreadable index folder and opens an empty one. */
  private boolean reset() {
    try {
      if (folder != null && Files.exists(folder)) {
        try (var files = Files.walk(folder)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      dir = directory();
      writer = new IndexWriter(dir, config(IndexWriterConfig.OpenMode.CREATE));
      searchers = new SearcherManager(writer, true, false, null);
      held = -1;
      return true;
    } catch (IOException e) {
      LOG.warn("search index unavailable; the database answers", e);
      unavailable = true;
      closeQuietly();
      return false;
    }
  }

  private void commit() {
    if (!dirty || writer == null || held < 0) {
      return;
    }
    try {
      writer.setLiveCommitData(
          Map.of(
                  KEY_FORMAT,
                  FORMAT,
                  KEY_SCHEMA,
                  schema,
                  KEY_REPLICA,
                  replica.toString(),
                  KEY_CHANGE,
                  Long.toString(held))
              .entrySet());
      writer.commit();
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops what was written since the last commit (a failed or cancelled build). */
  private void abandon() {
    try {
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("rollback of the search index", e);
    }
    closeQuietly();
    held = -1;
  }

  private void checkOpen() {
    if (closed) {
      throw new CancelledException();
    }
  }

  private void closeQuietly() {
    try {
      if (searchers != null) {
        searchers.close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing searchers", e);
    }
    try {
      if (writer != null && writer.isOpen()) {
        writer.close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing writer", e);
    }
    try {
      if (dir != null) {
        dir.close();
      }
    } catch (IOException e) {
      LOG.debug("closing directory", e);
    }
    searchers = null;
    writer = null;
    dir = null;
  }

  @Override
  public IndexStatus status() {
    if (unavailable) {
      return new IndexStatus(IndexStatus.State.UNAVAILABLE, held, 0);
    }
    if (building) {
      return new IndexStatus(IndexStatus.State.BUILDING, -1, 0);
    }
    int docs = 0;
    SearcherManager sm = searchers;
    if (sm != null) {
      try {
        IndexSearcher s = sm.acquire();
        try {
          docs = s.getIndexReader().numDocs();
        } finally {
          sm.release(s);
        }
      } catch (IOException | RuntimeException e) {
        docs = 0;
      }
    }
    boolean caughtUp;
    try {
      DbState now = DbState.read(dsl.get(), dbSchema);
      caughtUp = held >= 0 && now.matches(replica) && now.change() == held;
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
      if (writer != null) {
        try {
          commit();
        } catch (RuntimeException e) {
          LOG.debug("last commit of the search index", e);
        }
      }
      closeQuietly();
    } finally {
      lock.unlock();
    }
  }

  /** Tests: the change sequence of the last commit on disk (opens the folder if needed). */
  long committedChange() {
    lock.lock();
    try {
      open();
      return held;
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
      abandon();
    } finally {
      lock.unlock();
    }
  }

  /** The database's side of the version: its replica, change sequence and schema. */
  record DbState(UUID replica, long change, String schema) {
    /** One primary-key read; the schema (read once per index: migrations run at open only). */
    static DbState read(DSLContext ctx, String[] schemaCache) {
      var r =
          ctx.select(REPLICA.ID, REPLICA.CHANGE_SEQ)
              .from(REPLICA)
              .where(REPLICA.IS_CURRENT.isTrue())
              .fetchOne();
      if (schemaCache[0] == null) {
        Integer rank =
            ctx.select(DSL.max(DSL.field(DSL.name("installed_rank"), Integer.class)))
                .from(DSL.table(DSL.name("flyway_schema_history")))
                .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
                .fetchOne(0, Integer.class);
        schemaCache[0] = FORMAT + "/" + rank;
      }
      return new DbState(r == null ? null : r.value1(), r == null ? 0 : r.value2(), schemaCache[0]);
    }

    boolean matches(UUID indexed) {
      return replica != null && replica.equals(indexed);
    }
  }
}
