package fr.passerelle.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene files of the index (a folder, or memory) and the version their last commit holds (ADR
 * 0100): the index format, the database schema, the replica and the change sequence. Opened once;
 * an unreadable folder, or one of another format, is started afresh. An encrypted installation's
 * folder holds its files encrypted under a key derived from the database's file key (ADR 0171): a
 * file of another key, or damaged, makes the folder unreadable, so started afresh. Not thread-safe:
 * the owner calls it under its lock (reading through {@link #searchers()} is safe at any time).
 */
final class IndexFiles {
  /** Bumped when the documents, their analysis or their order change: an older index is rebuilt. */
  static final String FORMAT = "4";

  static final String KEY_FORMAT = "format";
  static final String KEY_SCHEMA = "schema";
  static final String KEY_REPLICA = "replica";
  static final String KEY_CHANGE = "change_seq";

  private static final Logger LOG = LoggerFactory.getLogger(IndexFiles.class);

  private final Path folder;

  /** The 32-byte key the files are encrypted with (ADR 0171); null: clear files. */
  private final byte[] key;

  private Directory dir;
  private IndexWriter writer;
  private volatile SearcherManager searchers;
  private volatile boolean unavailable;
  private boolean dirty;

  /** The database change sequence the documents hold; -1 while there is no complete index. */
  private volatile long held = -1;

  private volatile UUID replica;
  private volatile String schema;

  /**
   * Searchers that cache the filters only (kind, consent, status, criteria, occupations, communes,
   * dates), never a typed word's clauses: caching one evaluates it over the whole segment, which is
   * what walking in name order avoids (ADR 0160), and a typed beginning is rarely asked twice.
   */
  static final SearcherFactory SEARCHERS =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher s = new IndexSearcher(reader);
          s.setQueryCachingPolicy(new FiltersOnly());
          return s;
        }
      };

  /** The usual caching policy, for the filters only (see {@link #SEARCHERS}). */
  static final class FiltersOnly implements QueryCachingPolicy {
    private static final Set<String> FILTERS =
        Set.of(
            Fields.KIND,
            Fields.SHARE,
            Fields.STATUS,
            Fields.CRITERION,
            Fields.ROME,
            Fields.COMMUNE,
            Fields.AVAILABLE);
    private final UsageTrackingQueryCachingPolicy usage = new UsageTrackingQueryCachingPolicy();

    @Override
    public void onUse(Query query) {
      usage.onUse(query);
    }

    @Override
    public boolean shouldCache(Query query) throws IOException {
      return filter(query) && usage.shouldCache(query);
    }

    static boolean filter(Query query) {
      String field = null;
      if (query instanceof TermQuery t) {
        field = t.getTerm().field();
      } else if (query instanceof TermInSetQuery t) {
        field = t.getField();
      } else if (query instanceof PointRangeQuery p) {
        field = p.getField();
      }
      return field != null && FILTERS.contains(field);
    }
  }

  /** {@code folder} null: in memory. */
  IndexFiles(Path folder) {
    this(folder, null);
  }

  /** {@code key}: the files encrypted with this 32-byte key (copied), or null: clear. */
  IndexFiles(Path folder, byte[] key) {
    this.folder = folder;
    this.key = key == null ? null : key.clone();
  }

  boolean isOpen() {
    return writer != null;
  }

  /** True when the folder cannot be used (another process holds it, or it cannot be written). */
  boolean unavailable() {
    return unavailable;
  }

  IndexWriter writer() {
    return writer;
  }

  /** The searchers, or null while closed. */
  SearcherManager searchers() {
    return searchers;
  }

  long held() {
    return held;
  }

  UUID replica() {
    return replica;
  }

  String schema() {
    return schema;
  }

  /** The documents now hold the database as of {@code change}: committed at the next commit. */
  void hold(long change) {
    held = change;
    dirty = true;
  }

  /** The documents now hold the whole database {@code now} (a build). */
  void hold(DbState now) {
    replica = now.replica();
    schema = now.schema();
    hold(now.change());
  }

  /** The documents are being replaced: no version until {@link #hold(DbState)}. */
  void forget() {
    held = -1;
  }

  boolean dirty() {
    return dirty;
  }

  /** Opens the folder and reads the version of its last commit (once). False if unusable. */
  boolean open() {
    if (unavailable) {
      return false;
    }
    if (writer != null) {
      return true;
    }
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
      searchers = new SearcherManager(writer, true, false, SEARCHERS);
      if (sameFormat && data.get(KEY_CHANGE) != null) {
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
      close();
      return false;
    } catch (IOException | RuntimeException e) {
      LOG.warn("search index in {} cannot be opened; it is rebuilt", folder, e);
      close();
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
    Directory fs = FSDirectory.open(folder);
    return key == null ? fs : new EncryptedDirectory(fs, key);
  }

  /** Deletes a folder and everything in it, if it exists. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot remove the search index " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Deletes an unreadable index folder and opens an empty one. */
  private boolean reset() {
    try {
      if (folder != null) {
        delete(folder);
      }
      dir = directory();
      writer = new IndexWriter(dir, config(IndexWriterConfig.OpenMode.CREATE));
      searchers = new SearcherManager(writer, true, false, SEARCHERS);
      held = -1;
      return true;
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("search index unavailable; the database answers", e);
      unavailable = true;
      close();
      return false;
    }
  }

  /** Commits what was written, with the version it holds (nothing while there is none). */
  void commit() {
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

  /** Makes what was written visible to the next searches. */
  void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops what was written since the last commit (a failed or cancelled build) and closes. */
  void abandon() {
    try {
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("rollback of the search index", e);
    }
    close();
    held = -1;
  }

  /** The number of live documents the searchers see (0 when closed). */
  int documents() {
    SearcherManager sm = searchers;
    if (sm == null) {
      return 0;
    }
    try {
      IndexSearcher s = sm.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        sm.release(s);
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Closes without committing. */
  void close() {
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
}
