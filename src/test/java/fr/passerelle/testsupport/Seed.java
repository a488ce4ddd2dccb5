package fr.passerelle.testsupport;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.app.Services;
import fr.passerelle.db.jooq.tables.records.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * Rows written as the services write them (through the replicated writer, stamped with the
 * services' clock): for tests that build a data set by hand, one record per call.
 */
public final class Seed {
  private final Services s;

  public Seed(Services s) {
    this.s = s;
  }

  private <R extends TableRecord<R>> UUID insert(org.jooq.Table<R> table, Consumer<R> fill) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              R r = tx.newRecord(table);
              fill.accept(r);
              s.writer().insert(tx, r);
              return r.get(table.field("ID", UUID.class));
            });
  }

  private UUID office() {
    return s.offices().current().map(o -> o.id()).orElse(null);
  }

  public UUID candidate(String last, String first) {
    UUID office = office();
    return insert(
        CANDIDATE,
        c -> {
          c.setOfficeId(office);
          c.setLastName(last);
          c.setFirstName(first);
          c.setStatus("ACTIVE");
        });
  }

  public void consent(UUID candidate, boolean share, boolean sensitive) {
    insert(
        CANDIDATE_CONSENT,
        r -> {
          r.setId(candidate);
          r.setCandidateId(candidate);
          r.setShare(share);
          r.setShareAt(OffsetDateTime.parse("2026-01-05T10:00:00+01:00"));
          r.setSensitive(sensitive);
        });
  }

  public UUID criterion(UUID candidate, String criterion) {
    return insert(
        CANDIDATE_CRITERION,
        r -> {
          r.setCandidateId(candidate);
          r.setCriterion(criterion);
        });
  }

  public UUID occupation(UUID candidate, String rome) {
    return insert(
        CANDIDATE_OCCUPATION,
        r -> {
          r.setCandidateId(candidate);
          r.setRomeCode(rome);
          r.setExperienceYears(3);
        });
  }

  public UUID list(String name, LocalDate closedOn) {
    UUID office = office();
    return insert(
        SOURCING_LIST,
        r -> {
          r.setOfficeId(office);
          r.setName(name);
          r.setClosedOn(closedOn);
        });
  }

  public UUID entry(UUID list, UUID candidate, String status) {
    return insert(
        SOURCING_ENTRY,
        r -> {
          r.setListId(list);
          r.setCandidateId(candidate);
          r.setStatus(status);
        });
  }

  public UUID meeting(String title, LocalDateTime startsAt) {
    UUID office = office();
    return insert(
        MEETING,
        r -> {
          r.setOfficeId(office);
          r.setKind("JOB_DATING");
          r.setTitle(title);
          r.setStartsAt(startsAt);
          r.setEndsAt(startsAt.plusHours(2));
          r.setStatus("HELD");
        });
  }

  public UUID participant(UUID meeting, UUID candidate, String status) {
    return insert(
        MEETING_PARTICIPANT,
        r -> {
          r.setMeetingId(meeting);
          r.setCandidateId(candidate);
          r.setRole("CANDIDATE");
          r.setStatus(status);
        });
  }

  public UUID staff(UUID meeting, String last, String first) {
    return insert(
        MEETING_PARTICIPANT,
        r -> {
          r.setMeetingId(meeting);
          r.setLastName(last);
          r.setFirstName(first);
          r.setRole("PARTNER");
          r.setStatus("PRESENT");
        });
  }

  public UUID path(UUID candidate, String title, LocalDate endsOn, LocalDate outcomeOn) {
    return insert(
        TRAINING_PATH,
        r -> {
          r.setCandidateId(candidate);
          r.setTitle(title);
          r.setEndsOn(endsOn);
          r.setOutcomeOn(outcomeOn);
          r.setStatus(outcomeOn == null ? "IN_TRAINING" : "EMPLOYED");
          r.setOutcome(outcomeOn == null ? null : "EMPLOYED_TARGET");
        });
  }

  public UUID event(UUID path, String to, String note) {
    return insert(
        TRAINING_EVENT,
        r -> {
          r.setPathId(path);
          r.setToStatus(to);
          r.setNote(note);
          r.setAt(OffsetDateTime.parse("2026-03-02T09:00:00+01:00"));
        });
  }
}
