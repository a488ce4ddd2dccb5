package fr.passerelle.search;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateBenchmark;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.core.Progress;
import fr.passerelle.testsupport.TestServices;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * Benchmark harness (not a test), issue #13: search as you type with and without the permission
 * checks, on the same data folder in the same process, the three ways interleaved keystroke by
 * keystroke: (1) the index and the page's rows (their cards, ADR 0180), no check at all; (2) the
 * same with the partner rule (consenting persons only); (3) the candidates service signed in as a
 * counselor (permission check, sensitive-filter check, partner rule read from the database,
 * freshness of the index, summaries). {@code java -cp $CP
 * fr.passerelle.search.SearchChecksBenchmark DIR [rounds]}; the folder must be a clear one (its
 * index on disk). See docs/benchmarks.md.
 */
public final class SearchChecksBenchmark {

  private SearchChecksBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Services s = TestServices.open(dir)) {
      TestServices.as(s, "conseiller16", Roles.COUNSELOR);
      CandidateSearch cs = s.candidateSearch();
      s.search().catchUp(Progress.NONE);
      cs.page(CandidateQuery.text("warm"), 0, 50);
      List<List<Long>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      List<List<Long>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      try (var fs = FSDirectory.open(dir.resolve(LuceneSearchIndex.FOLDER));
          DirectoryReader reader = DirectoryReader.open(fs)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int k = 0;
        for (int r = 0; r < rounds; r++) {
          for (String w : CandidateBenchmark.TYPED) {
            for (int len = 1; len <= w.length(); len++) {
              String typed = w.substring(0, len);
              if (typed.endsWith(" ")) {
                continue;
              }
              for (int i = 0; i < 3; i++) {
                int way = (k + i) % 3; // each way goes first, second and third in turn
                long t = System.nanoTime();
                long u = threads.getCurrentThreadCpuTime();
                if (way == 2) {
                  cs.page(CandidateQuery.text(typed), 0, 50);
                } else {
                  // the page with its rows' cards, as the service gets it (ADR 0180)
                  IndexQueries.candidates(
                      searcher,
                      CandidateFilter.text(typed),
                      way == 1,
                      0,
                      50,
                      CandidateSearch.COUNT_CAP);
                }
                wall.get(way).add(System.nanoTime() - t);
                cpu.get(way).add(threads.getCurrentThreadCpuTime() - u);
              }
              k++;
            }
          }
        }
      }
      String[] names = {
        "index + cards, no check",
        "index + cards, consenting persons only (partner rule)",
        "candidates service as a counselor (every check)"
      };
      for (int i = 0; i < 3; i++) {
        CandidateBenchmark.report(names[i] + ", wall", wall.get(i));
        CandidateBenchmark.report(names[i] + ", CPU", cpu.get(i));
      }
    }
  }
}
