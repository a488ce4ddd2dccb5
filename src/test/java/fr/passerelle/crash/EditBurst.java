package fr.passerelle.crash;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.app.Services;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A burst of edits, as a counselor's busy morning: edit k writes "burst k" in the notes of two
 * candidates in one transaction, through the application's own write path. After a kill, an edit is
 * in both candidates or in neither ({@link #halfDoneEdit}). Run by {@link CrashHarness} in a child
 * JVM: {@code EditBurst DATA_DIR EDITS}.
 */
public final class EditBurst {
  private static final String MARK = "burst ";

  private EditBurst() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int edits = Integer.parseInt(args[1]);
    try (Services s = Services.open(dir)) {
      List<CandidateRecord> pool =
          s.db().dsl().selectFrom(CANDIDATE).orderBy(CANDIDATE.ID).limit(2 * edits).fetch();
      for (int k = 0; k < edits && 2 * k + 1 < pool.size(); k++) {
        CandidateRecord a = pool.get(2 * k);
        CandidateRecord b = pool.get(2 * k + 1);
        String mark = MARK + k;
        s.db()
            .dsl()
            .transaction(
                cfg -> {
                  for (CandidateRecord c : List.of(a, b)) {
                    CandidateRecord fresh =
                        cfg.dsl()
                            .selectFrom(CANDIDATE)
                            .where(CANDIDATE.ID.eq(c.getId()))
                            .fetchOne();
                    fresh.setNotes(mark);
                    s.writer().update(cfg.dsl(), fresh);
                  }
                });
        System.out.println("edit " + k);
      }
    }
    System.exit(0);
  }

  /** The number of edits whose mark is in the data folder. */
  static int editsDone(Path dir) {
    return marks(dir).size();
  }

  /** An edit found in one of its two candidates only, or null. */
  static String halfDoneEdit(Path dir) {
    return marks(dir).entrySet().stream()
        .filter(e -> e.getValue() != 2)
        .map(e -> "edit '" + e.getKey() + "' is in " + e.getValue() + " candidate(s), not 2")
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Long> marks(Path dir) {
    try (Services s = Services.open(dir)) {
      return s
          .db()
          .dsl()
          .select(CANDIDATE.NOTES)
          .from(CANDIDATE)
          .where(CANDIDATE.NOTES.startsWith(MARK))
          .fetch(CANDIDATE.NOTES)
          .stream()
          .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    }
  }
}
