package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.app.Services;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import java.time.LocalDate;
import java.util.UUID;

/** Small helpers to build training data in tests. */
public final class TrainingFixture {
  private TrainingFixture() {}

  public static UUID candidate(Services s, String last, String first) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              CandidateRecord c = cfg.dsl().newRecord(CANDIDATE);
              c.setLastName(last);
              c.setFirstName(first);
              c.setStatus("ACTIVE");
              s.writer().insert(cfg.dsl(), c);
              return c.getId();
            });
  }

  public static UUID trainingMeeting(Services s, String title) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              var m = cfg.dsl().newRecord(fr.passerelle.db.jooq.Tables.MEETING);
              m.setKind("TRAINING_INFO");
              m.setTitle(title);
              m.setStatus("PLANNED");
              m.setStartsAt(java.time.LocalDateTime.of(2026, 1, 20, 9, 30));
              s.writer().insert(cfg.dsl(), m);
              return m.getId();
            });
  }

  public static PathDraft draft(UUID candidate, FundingScheme scheme, Integer hours) {
    return draft(candidate, scheme, hours, "Cariste CACES R489");
  }

  /** The same path under another title (a counselor's edit). */
  public static PathDraft draft(UUID candidate, FundingScheme scheme, Integer hours, String title) {
    return new PathDraft(
        candidate,
        null,
        "D1106",
        "N1101",
        title,
        "AFPA Toulouse",
        "Toulouse",
        hours,
        LocalDate.of(2026, 2, 2),
        LocalDate.of(2026, 3, 27),
        scheme,
        null,
        null,
        null,
        null);
  }
}
