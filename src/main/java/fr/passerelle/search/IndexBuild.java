package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every document afresh from the database, as of one change sequence (ADR 0100): records
 * read by id ranges, {@value #BATCH} at a time, loaded and indexed on two threads (ADR 0187),
 * committed once at the end only (a build stopped half-way leaves no version: it starts again).
 */
final class IndexBuild {
  private static final Logger LOG = LoggerFactory.getLogger(IndexBuild.class);

  /** Records read from the database per query. */
  static final int BATCH = 2_000;

  private final IndexFiles files;
  private final Runnable checkOpen;

  /** {@code checkOpen} throws {@link CancelledException} once the index is closing. */
  IndexBuild(IndexFiles files, Runnable checkOpen) {
    this.files = files;
    this.checkOpen = checkOpen;
  }

  /**
   * Replaces every document by those of the database as of {@code now}, with {@code documents};
   * returns the number of candidates, offers, meetings and employers indexed.
   */
  int run(DSLContext ctx, DbState now, SearchDocuments documents, Progress progress) {
    long t0 = System.nanoTime();
    try {
      files.forget();
      files.writer().deleteAll();
      int total =
          ctx.fetchCount(CANDIDATE, CANDIDATE.DELETED.isFalse())
              + ctx.fetchCount(JOB_OFFER, JOB_OFFER.DELETED.isFalse());
      int[] done = {0};
      try (ParallelBatches batches = ParallelBatches.forThisMachine()) {
        Batches b = new Batches(ctx, documents, batches, done, total, progress);
        b.addAll(Kind.CANDIDATE, CANDIDATE, CANDIDATE.ID);
        b.addAll(Kind.OFFER, JOB_OFFER, JOB_OFFER.ID);
        b.addAll(Kind.MEETING, MEETING, MEETING.ID);
        b.addAll(Kind.EMPLOYER, EMPLOYER, EMPLOYER.ID);
        batches.awaitAll();
      }
      List<String> codes =
          ctx.select(OCCUPATION.ROME_CODE).from(OCCUPATION).fetch(OCCUPATION.ROME_CODE);
      for (Document d : documents.load(ctx, Kind.OCCUPATION, codes).values()) {
        files.writer().addDocument(d);
      }
      files.hold(now);
      files.commit();
      files.refresh();
      LOG.info(
          "search index built: {} documents in {} ms",
          files.writer().getDocStats().numDocs,
          (System.nanoTime() - t0) / 1_000_000);
      return done[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      files.abandon();
      throw e;
    }
  }

  /** One build's batches: ids read in key order here, documents loaded and added on the threads. */
  private final class Batches {
    private final DSLContext ctx;
    private final SearchDocuments documents;
    private final ParallelBatches batches;
    private final int[] done;
    private final int total;
    private final Progress progress;

    Batches(
        DSLContext ctx,
        SearchDocuments documents,
        ParallelBatches batches,
        int[] done,
        int total,
        Progress progress) {
      this.ctx = ctx;
      this.documents = documents;
      this.batches = batches;
      this.done = done;
      this.total = total;
      this.progress = progress;
    }

    void addAll(Kind kind, Table<?> table, Field<UUID> id) {
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
        batches.submit(() -> add(documents.load(ctx, kind, keys).values()));
        done[0] += chunk.size();
        progress.update(
            Math.min(done[0], total), Math.max(total, done[0]), LuceneSearchIndex.PROGRESS);
        checkOpen.run();
        if (progress.isCancelled()) {
          throw new CancelledException();
        }
      }
    }

    private void add(Iterable<Document> docs) {
      try {
        for (Document d : docs) {
          files.writer().addDocument(d);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      checkOpen.run();
    }
  }
}
