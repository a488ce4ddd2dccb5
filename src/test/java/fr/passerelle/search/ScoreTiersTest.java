package fr.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One typed word is answered tier by tier in name order (ADR 0160): the page and the count must be
 * exactly those of the scored search (score, then name, then id), on an index of several segments
 * where names share beginnings, first names, communes and jobs, for every beginning of every word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoreTiersTest {
  private static final String[] SYLLABLES = {"ma", "mar", "ro", "lu", "ne", "ti", "be", "an"};
  private static final String[] PLACES = {"marseille", "montpellier", "albi", "toulouse", "ales"};
  private static final String[] JOBS = {"macon", "maraicher", "boulanger", "aide soignant"};

  private ByteBuffersDirectory dir;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private final Set<String> typed = new LinkedHashSet<>();

  @BeforeAll
  void index() throws IOException {
    dir = new ByteBuffersDirectory();
    IndexWriterConfig cfg = new IndexWriterConfig(new WhitespaceAnalyzer());
    cfg.setIndexSort(Fields.INDEX_ORDER);
    cfg.setMergePolicy(NoMergePolicy.INSTANCE); // several segments: pages are merged across them
    Random rnd = new Random(16);
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (int i = 0; i < 1_500; i++) {
        String last = word(rnd);
        String first = rnd.nextInt(5) == 0 ? last : word(rnd); // some first names equal surnames
        String place = PLACES[rnd.nextInt(PLACES.length)];
        String job = JOBS[rnd.nextInt(JOBS.length)];
        w.addDocument(candidate(last, first, place, job, rnd.nextInt(3) > 0));
        for (String x : List.of(last, first, place, job.split(" ")[0])) {
          for (int n = 1; n <= x.length(); n++) {
            typed.add(x.substring(0, n));
          }
        }
        if (i % 300 == 299) {
          w.commit();
        }
      }
    }
    reader = DirectoryReader.open(dir);
    assertThat(reader.leaves()).hasSizeGreaterThan(3);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  void close() throws IOException {
    reader.close();
    dir.close();
  }

  private static String word(Random rnd) {
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      b.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
    }
    return b.toString();
  }

  private static Document candidate(
      String last, String first, String place, String job, boolean shares) {
    String id = UUID.randomUUID().toString();
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Kind.CANDIDATE.code, Field.Store.YES));
    d.add(new StoredField(Fields.ID, id));
    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
    d.add(new Field(Fields.LAST, last, Fields.WORDS));
    d.add(new Field(Fields.FIRST, first, Fields.WORDS));
    String sound = FrenchPhonetic.encode(last);
    if (sound != null) {
      d.add(new Field(Fields.LAST_PHONETIC, sound, Fields.WORDS));
    }
    d.add(new Field(Fields.PLACE, place, Fields.WORDS));
    d.add(new Field(Fields.JOBS, job, Fields.WORDS));
    d.add(new StringField(Fields.SHARE, shares ? "y" : "n", Field.Store.NO));
    d.add(new SortedDocValuesField(Fields.SORT, new BytesRef(last + " " + first)));
    return d;
  }

  @Test
  void everyBeginningOfEveryWordGivesTheScoredPageAndCount() throws IOException {
    assertThat(typed).hasSizeGreaterThan(50);
    for (String t : typed) {
      CandidateFilter f = CandidateFilter.text(t);
      same(t, f, false, 0, 50, 200);
      same(t, f, true, 0, 20, 10_000); // a partner installation, the whole count
      same(t, f, false, 37, 25, 200); // a later page
    }
  }

  @Test
  void aWordWithTyposGivesTheScoredPage() throws IOException {
    for (String t : List.of("marseile", "montpelier", "boulnger", "maraichr", "martiro")) {
      same(t, CandidateFilter.text(t), false, 0, 50, 10_000);
    }
  }

  private void same(String t, CandidateFilter f, boolean consenting, int offset, int limit, int cap)
      throws IOException {
    CandidateHits tiers =
        IndexQueries.candidates(searcher, f, consenting, offset, limit, cap, true);
    CandidateHits scored =
        IndexQueries.candidates(searcher, f, consenting, offset, limit, cap, false);
    assertThat(tiers).as("\"%s\" from %d", t, offset).isEqualTo(scored);
  }
}
