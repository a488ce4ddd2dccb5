package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;

import fr.passerelle.core.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Follows the database's change sequence (ADR 0100): from the change sequence the index holds to
 * the database's, a window of change sequences at a time, re-reads the records changed in it and
 * rewrites their documents, then holds the window's end. Each window but a short last one is
 * committed, so a kill resumes from the last; a window done twice is harmless (documents are
 * rewritten by key). Only reads the database.
 */
final class IndexCatchUp {
  private final IndexFiles files;
  private final long window;
  private final Runnable checkOpen;

  /** {@code window}: change sequences per committed step; {@code checkOpen}: see IndexBuild. */
  IndexCatchUp(IndexFiles files, long window, Runnable checkOpen) {
    this.files = files;
    this.window = window;
    this.checkOpen = checkOpen;
  }

  /** Brings the documents from the change sequence held to {@code now}'s; returns records. */
  int run(DSLContext ctx, DbState now, SearchDocuments documents, Progress progress) {
    int done = 0;
    while (files.held() < now.change()) {
      long to = Math.min(now.change(), files.held() + window);
      done += step(ctx, documents, files.held(), to);
      files.hold(to);
      if (to < now.change() || done >= IndexBuild.BATCH) {
        files.commit(); // a long catch-up is committed step by step: a kill resumes from here
      }
      files.refresh();
      progress.update(to, now.change(), LuceneSearchIndex.PROGRESS);
      checkOpen.run();
    }
    return done;
  }

  /** Rewrites the documents of the records changed in {@code (from, to]}. */
  private int step(DSLContext ctx, SearchDocuments documents, long from, long to) {
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
    try (ParallelBatches batches = ParallelBatches.forThisMachine()) {
      for (Map.Entry<Kind, Set<String>> e : changed.entrySet()) {
        n += rewrite(ctx, documents, e.getKey(), e.getValue(), batches);
      }
      batches.awaitAll(); // the window is held only once all its documents are written
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
      IndexSearcher s = files.searchers().acquire();
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
        files.searchers().release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Re-reads these records and rewrites their documents (deletes those gone), a batch at a time on
   * the threads of {@code batches} (ADR 0187).
   */
  private int rewrite(
      DSLContext ctx,
      SearchDocuments documents,
      Kind kind,
      Collection<String> ids,
      ParallelBatches batches) {
    List<String> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += IndexBuild.BATCH) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + IndexBuild.BATCH));
      batches.submit(() -> rewriteBatch(documents.load(ctx, kind, chunk), kind, chunk));
    }
    return all.size();
  }

  private void rewriteBatch(Map<String, Document> docs, Kind kind, List<String> chunk) {
    try {
      for (String id : chunk) {
        Term key = new Term(Fields.KEY, kind.key(id));
        Document d = docs.get(id);
        if (d == null) {
          files.writer().deleteDocuments(key);
        } else {
          files.writer().updateDocument(key, d);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    checkOpen.run();
  }
}
