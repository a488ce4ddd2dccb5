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
  private static final Sort NAME_ORDER = Fields.INDEX_ORDER;
  private static final SortField NEWEST = new SortField(Fields.DATE, SortField.Type.LONG, true);

  private IndexQueries() {}

  /**
   * A page of candidates and their count (exact up to {@code countCap}). Ranked by score, then by
   * name: with no text, by name only, walking the index in its own order (it is sorted by name, ADR
   * 0160) and stopping once the page is full and the count reaches the cap. One typed word (every
   * keystroke of a first word) is answered by score tiers, best first: each tier, the documents
   * matching a way of that score and no better one, is walked in name order and stops as soon as
   * the page is full; the order is the scored one. Several words are scored.
   */
  static CandidateHits candidates(
      IndexSearcher s,
      CandidateFilter f,
      boolean consentingOnly,
      int offset,
      int limit,
      int countCap)
      throws IOException {
    return candidates(s, f, consentingOnly, offset, limit, countCap, true);
  }

  /** As above; {@code tiers} false scores one word as several (tests compare the two orders). */
  static CandidateHits candidates(
      IndexSearcher s,
      CandidateFilter f,
      boolean consentingOnly,
      int offset,
      int limit,
      int countCap,
      boolean tiers)
      throws IOException {
    List<Query> filters = filters(f, consentingOnly);
    int first = Math.max(0, offset);
    int n = Math.max(1, first + limit);
    SearchQueries.Typed typed = f.hasText() ? SearchQueries.parse(Kind.CANDIDATE, f.text()) : null;
    if (f.hasText() && typed == null) {
      return new CandidateHits(List.of(), 0, false);
    }
    if (typed == null) {
      TopDocs top =
          s.search(
              all(filters, null), new TopFieldCollectorManager(NAME_ORDER, n, null, countCap + 1));
      return hits(cards(s, top, first, n), top.totalHits, countCap);
    }
    List<SearchQueries.Way> word = typed.singleWord();
    if (word != null && tiers) {
      return tiers(s, filters, word, first, n, countCap);
    }
    Sort sort = new Sort(SortField.FIELD_SCORE, Fields.BY_NAME, Fields.BY_ID);
    TopDocs top =
        s.search(
            all(filters, typed.query()), new TopFieldCollectorManager(sort, n, null, countCap + 1));
    return hits(cards(s, top, first, n), top.totalHits, countCap);
  }

  /**
   * One word's matches in score order, tier by tier (see {@link #candidates}): the ways of one
   * score, minus the better ways, walked in name order until the page is full. The count is that of
   * the word's every way, walked in name order until the cap.
   */
  private static CandidateHits tiers(
      IndexSearcher s, List<Query> filters, List<SearchQueries.Way> ways, int first, int n, int cap)
      throws IOException {
    java.util.SortedMap<Float, List<Query>> byScore =
        new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    for (SearchQueries.Way w : ways) {
      byScore.computeIfAbsent(w.score(), k -> new ArrayList<>()).add(s.rewrite(w.query()));
    }
    List<ScoreDoc> page = new ArrayList<>();
    List<Query> better = new ArrayList<>();
    for (List<Query> tier : byScore.values()) {
      int need = n - page.size();
      if (need <= 0) {
        break;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      filters.forEach(q -> b.add(q, BooleanClause.Occur.FILTER));
      b.add(anyOf(tier), BooleanClause.Occur.FILTER);
      if (!better.isEmpty()) {
        b.add(anyOf(better), BooleanClause.Occur.MUST_NOT);
      }
      TopDocs top = s.search(b.build(), new TopFieldCollectorManager(NAME_ORDER, need, null, need));
      page.addAll(List.of(top.scoreDocs));
      better.addAll(tier);
    }
    List<Query> every = new ArrayList<>();
    byScore.values().forEach(every::addAll);
    TopDocs count =
        s.search(
            all(filters, anyOf(every)), new TopFieldCollectorManager(NAME_ORDER, 1, null, cap + 1));
    return hits(
        cards(s, page.subList(Math.min(first, page.size()), page.size())), count.totalHits, cap);
  }

  /** The filters of a candidate list: kind, occupations, communes, dates, status, consent. */
  private static List<Query> filters(CandidateFilter f, boolean consentingOnly) {
    List<Query> out = new ArrayList<>();
    out.add(kind(Kind.CANDIDATE));
    if (f.romeCodes() != null) {
      out.add(anyOf(Fields.ROME, f.romeCodes()));
    }
    if (f.communeCodes() != null) {
      out.add(anyOf(Fields.COMMUNE, f.communeCodes()));
    }
    if (f.availableBy() != null) {
      out.add(
          IntPoint.newRangeQuery(
              Fields.AVAILABLE, Integer.MIN_VALUE, (int) f.availableBy().toEpochDay()));
    }
    if (f.status() != null) {
      out.add(new TermQuery(new Term(Fields.STATUS, f.status())));
    }
    if (!f.criteria().isEmpty()) {
      out.add(anyOf(Fields.CRITERION, f.criteria()));
    }
    if (f.consentShare() != null) {
      out.add(share(f.consentShare()));
    }
    if (consentingOnly) {
      out.add(share(true));
    }
    return out;
  }

  /** The filters, and the scored text query when there is one. */
  private static Query all(List<Query> filters, Query text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    filters.forEach(q -> b.add(q, BooleanClause.Occur.FILTER));
    if (text != null) {
      b.add(text, BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  private static Query anyOf(List<Query> qs) {
    if (qs.size() == 1) {
      return qs.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    qs.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  /**
   * The cards of hits {@code from}..{@code to}, read from their stored fields (ADR 0180): only the
   * page's, however deep it is.
   */
  private static List<CandidateCard> cards(IndexSearcher s, TopDocs top, int from, int to)
      throws IOException {
    List<ScoreDoc> docs = List.of(top.scoreDocs);
    return cards(s, docs.subList(Math.min(from, docs.size()), Math.min(to, docs.size())));
  }

  private static List<CandidateCard> cards(IndexSearcher s, List<ScoreDoc> docs)
      throws IOException {
    List<CandidateCard> out = new ArrayList<>(docs.size());
    StoredFields stored = s.storedFields();
    for (ScoreDoc d : docs) {
      out.add(CandidateCards.read(stored, d.doc));
    }
    return out;
  }

  private static CandidateHits hits(List<CandidateCard> cards, TotalHits total, int countCap) {
    boolean capped =
        total.value > countCap || total.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
    return new CandidateHits(cards, (int) Math.min(total.value, countCap), capped);
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
    SortField then = kind == Kind.OFFER || kind == Kind.MEETING ? NEWEST : Fields.BY_NAME;
    Sort sort = new Sort(SortField.FIELD_SCORE, then, Fields.BY_ID);
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
