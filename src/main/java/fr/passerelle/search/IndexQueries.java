package fr.passerelle.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/** The questions the index answers, on one searcher (ADR 0100). */
final class IndexQueries {
  private static final SortField BY_NAME = new SortField(Fields.SORT, SortField.Type.STRING);
  private static final SortField BY_ID = new SortField(Fields.ID, SortField.Type.STRING);
  private static final SortField NEWEST = new SortField(Fields.DATE, SortField.Type.LONG, true);

  private IndexQueries() {}

  static CandidateHits candidates(
      IndexSearcher s,
      CandidateFilter f,
      boolean consentingOnly,
      int offset,
      int limit,
      int countCap)
      throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(kind(Kind.CANDIDATE), BooleanClause.Occur.FILTER);
    if (f.hasText()) {
      Query text = SearchQueries.text(Kind.CANDIDATE, f.text());
      b.add(text == null ? new MatchNoDocsQuery() : text, BooleanClause.Occur.MUST);
    }
    if (f.romeCodes() != null) {
      b.add(anyOf(Fields.ROME, f.romeCodes()), BooleanClause.Occur.FILTER);
    }
    if (f.communeCodes() != null) {
      b.add(anyOf(Fields.COMMUNE, f.communeCodes()), BooleanClause.Occur.FILTER);
    }
    if (f.availableBy() != null) {
      b.add(
          IntPoint.newRangeQuery(
              Fields.AVAILABLE, Integer.MIN_VALUE, (int) f.availableBy().toEpochDay()),
          BooleanClause.Occur.FILTER);
    }
    if (f.status() != null) {
      b.add(new TermQuery(new Term(Fields.STATUS, f.status())), BooleanClause.Occur.FILTER);
    }
    if (!f.criteria().isEmpty()) {
      b.add(anyOf(Fields.CRITERION, f.criteria()), BooleanClause.Occur.FILTER);
    }
    if (f.consentShare() != null) {
      b.add(share(f.consentShare()), BooleanClause.Occur.FILTER);
    }
    if (consentingOnly) {
      b.add(share(true), BooleanClause.Occur.FILTER);
    }
    Sort sort =
        f.hasText() ? new Sort(SortField.FIELD_SCORE, BY_NAME, BY_ID) : new Sort(BY_NAME, BY_ID);
    int first = Math.max(0, offset);
    int n = Math.max(1, first + limit);
    TopDocs top = s.search(b.build(), new TopFieldCollectorManager(sort, n, null, countCap + 1));
    List<UUID> ids = new ArrayList<>();
    StoredFields stored = s.storedFields();
    for (int i = first; i < top.scoreDocs.length; i++) {
      ids.add(UUID.fromString(stored.document(top.scoreDocs[i].doc).get(Fields.ID)));
    }
    long total = top.totalHits.value;
    boolean capped =
        total > countCap || top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
    return new CandidateHits(ids, (int) Math.min(total, countCap), capped);
  }

  static List<SearchHit> find(
      IndexSearcher s, Kind kind, String text, int limit, boolean consentingOnly)
      throws IOException {
    Query q = SearchQueries.text(kind, text);
    if (q == null) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(kind(kind), BooleanClause.Occur.FILTER);
    b.add(q, BooleanClause.Occur.MUST);
    if (kind == Kind.CANDIDATE && consentingOnly) {
      b.add(share(true), BooleanClause.Occur.FILTER);
    }
    SortField then = kind == Kind.OFFER || kind == Kind.MEETING ? NEWEST : BY_NAME;
    Sort sort = new Sort(SortField.FIELD_SCORE, then, BY_ID);
    TopDocs top = s.search(b.build(), new TopFieldCollectorManager(sort, limit, null, limit));
    List<String> words = FrenchText.words(text);
    List<SearchHit> out = new ArrayList<>();
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      String title = d.get(Fields.TITLE);
      String matched =
          kind == Kind.OCCUPATION ? matchedTitle(title, d.getValues(Fields.TITLES), words) : null;
      float score =
          sd instanceof org.apache.lucene.search.FieldDoc fd && fd.fields[0] instanceof Float f
              ? f
              : sd.score;
      out.add(new SearchHit(kind, d.get(Fields.ID), title, d.get(Fields.DETAIL), matched, score));
    }
    return out;
  }

  /**
   * The job title the words were found in, when they were not all in the label: the first title
   * holding the most typed words (as a word or the start of one).
   */
  static String matchedTitle(String label, String[] titles, List<String> typed) {
    List<String> words = new ArrayList<>(typed);
    words.removeAll(FrenchText.STOP_WORDS);
    if (words.isEmpty() || covered(label, words) == words.size()) {
      return null;
    }
    String best = null;
    int most = 0;
    for (String t : titles) {
      int c = covered(t, words);
      if (c > most) {
        most = c;
        best = t;
      }
    }
    return best;
  }

  private static int covered(String text, List<String> words) {
    List<String> in = FrenchText.words(text);
    int n = 0;
    for (String w : words) {
      if (in.stream().anyMatch(x -> x.startsWith(w))) {
        n++;
      }
    }
    return n;
  }

  static Set<UUID> withContact(
      IndexSearcher s, Collection<String> emails, Collection<String> phones) throws IOException {
    Set<UUID> out = new LinkedHashSet<>();
    List<BytesRef> m = emails.stream().filter(x -> !x.isEmpty()).map(BytesRef::new).toList();
    List<BytesRef> p = phones.stream().filter(x -> !x.isEmpty()).map(BytesRef::new).toList();
    if (m.isEmpty() && p.isEmpty()) {
      return out;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(kind(Kind.CANDIDATE), BooleanClause.Occur.FILTER);
    if (!m.isEmpty()) {
      b.add(new TermInSetQuery(Fields.EMAIL, m), BooleanClause.Occur.SHOULD);
    }
    if (!p.isEmpty()) {
      b.add(new TermInSetQuery(Fields.PHONE, p), BooleanClause.Occur.SHOULD);
    }
    b.setMinimumNumberShouldMatch(1);
    TopDocs top = s.search(b.build(), 10_000);
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(UUID.fromString(stored.document(sd.doc).get(Fields.ID)));
    }
    return out;
  }

  private static Query kind(Kind k) {
    return new TermQuery(new Term(Fields.KIND, k.code));
  }

  private static Query share(boolean yes) {
    return new TermQuery(new Term(Fields.SHARE, yes ? "y" : "n"));
  }

  private static Query anyOf(String field, Collection<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }
}
