package fr.passerelle.retention;

import static fr.passerelle.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.AccessDeniedException;
import fr.passerelle.testsupport.Seed;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set built by hand around each rule's boundary (due the day before, on the day, not the day
 * after): the proposal lists exactly the due records, nothing is erased until confirmed, and the
 * confirmation erases what is still due as tombstones.
 */
class RetentionServiceTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.of(2028, 6, 15);

  @TempDir Path dir;
  ManualClock clock = new ManualClock();
  Services s;
  Seed seed;

  UUID dayBefore; // inactive since 2026-06-14: due
  UUID onTheDay; // inactive since 2026-06-15: due today
  UUID dayAfter; // inactive since 2026-06-16: not due
  UUID invitedAhead; // file from 2026-01-01, invited to a meeting on 2026-07-01: not due
  UUID active; // written in 2028
  UUID m1Participant; // meeting of 2023-06-15 (60 months): due
  UUID m1Staff; // a partner's staff at that meeting: due
  UUID m2Participant; // meeting of 2023-06-16: not due
  UUID p1; // outcome 2025-06-15 (36 months): due
  UUID p1Event;
  UUID p2; // outcome 2025-06-16: not due
  UUID p3; // no outcome, ended 2024-12-15 (+6 months = 2025-06-15): due
  UUID p4; // no dates: never due by this rule
  UUID entryClosedLater; // written 2026-01-01, list closed 2026-06-16: not due
  UUID entryStale; // written 2026-06-15, open list: due

  void at(LocalDate day) {
    clock.set(day.atTime(12, 0).atZone(PARIS).toInstant().toEpochMilli());
  }

  @BeforeEach
  void seed() {
    at(LocalDate.of(2023, 1, 2));
    s = TestServices.open(dir, clock);
    s.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
    seed = new Seed(s);
    UUID m1 = seed.meeting("Job dating BTP", LocalDateTime.of(2023, 6, 15, 9, 30));
    UUID m2 = seed.meeting("Job dating logistique", LocalDateTime.of(2023, 6, 16, 9, 30));
    UUID m3 = seed.meeting("Information collective", LocalDateTime.of(2026, 7, 1, 14, 0));
    UUID closedList = seed.list("Caristes", LocalDate.of(2026, 6, 16));
    UUID openList = seed.list("Soudeurs", null);
    at(LocalDate.of(2026, 1, 1));
    invitedAhead = seed.candidate("Invité", "Yanis");
    seed.participant(m3, invitedAhead, "INVITED");
    active = seed.candidate("Actif", "Inès");
    entryClosedLater = seed.entry(closedList, active, "PROPOSED");
    at(LocalDate.of(2026, 6, 14));
    dayBefore = seed.candidate("Avant", "Alice");
    seed.consent(dayBefore, false, false);
    seed.criterion(dayBefore, "DELD");
    at(LocalDate.of(2026, 6, 15));
    onTheDay = seed.candidate("Jour", "Bruno");
    entryStale = seed.entry(openList, active, "CONTACTED");
    at(LocalDate.of(2026, 6, 16));
    dayAfter = seed.candidate("Après", "Chloé");
    at(LocalDate.of(2028, 1, 3));
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var r = cfg.dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(active)).fetchOne();
              r.setNotes("appel le 3 janvier");
              s.writer().update(cfg.dsl(), r);
            });
    m1Participant = seed.participant(m1, active, "PRESENT");
    m1Staff = seed.staff(m1, "Durand", "Paul");
    m2Participant = seed.participant(m2, active, "ABSENT");
    p1 = seed.path(active, "CACES R489", LocalDate.of(2024, 12, 15), LocalDate.of(2025, 6, 15));
    p1Event = seed.event(p1, "EMPLOYED", "en poste");
    p2 = seed.path(active, "Soudure TIG", LocalDate.of(2024, 12, 16), LocalDate.of(2025, 6, 16));
    p3 = seed.path(active, "Préparateur de commandes", LocalDate.of(2024, 12, 15), null);
    p4 = seed.path(active, "Idée de formation", null, null);
    at(TODAY);
  }

  @AfterEach
  void close() {
    s.close();
  }

  private static Set<String> ids(PurgeProposal p) {
    return p.lines().stream()
        .map(l -> l.item().kind() + " " + l.item().rowId())
        .collect(Collectors.toSet());
  }

  @Test
  void theProposalListsExactlyTheDueRecords() {
    long before = ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq();
    PurgeProposal p = s.retention().propose();
    assertThat(ids(p))
        .containsExactlyInAnyOrder(
            "CANDIDATE_INACTIVE " + dayBefore,
            "CANDIDATE_INACTIVE " + onTheDay,
            "MEETING_ATTENDANCE " + m1Participant,
            "MEETING_ATTENDANCE " + m1Staff,
            "TRAINING_PATH " + p1,
            "TRAINING_PATH " + p3,
            "SOURCING_ENTRY " + entryStale);
    assertThat(p.counts())
        .containsEntry(RecordKind.CANDIDATE_INACTIVE, 2L)
        .containsEntry(RecordKind.MEETING_ATTENDANCE, 2L)
        .containsEntry(RecordKind.TRAINING_PATH, 2L)
        .containsEntry(RecordKind.SOURCING_ENTRY, 1L);
    var first = p.lines().get(0);
    assertThat(first.item().personId()).isEqualTo(dayBefore);
    assertThat(first.item().referenceOn()).isEqualTo(LocalDate.of(2026, 6, 14));
    assertThat(first.item().dueOn()).isEqualTo(LocalDate.of(2028, 6, 14));
    assertThat(first.label()).isEqualTo("AVANT Alice");
    assertThat(p.lines())
        .anySatisfy(
            l -> assertThat(l.label()).isEqualTo("Job dating BTP du 2023-06-15 — DURAND Paul"));
    // nothing is erased by a proposal
    assertThat(ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq()).isEqualTo(before);
    assertThat(s.retention().openProposal().orElseThrow().id()).isEqualTo(p.id());
  }

  @Test
  void confirmingErasesWhatIsStillDueAsTombstones() {
    PurgeProposal p = s.retention().propose();
    // a contact with Bruno after the proposal: his file is no longer due, and is kept
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var r = cfg.dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(onTheDay)).fetchOne();
              r.setPhone("06 12 34 56 78");
              s.writer().update(cfg.dsl(), r);
            });
    PurgeResult r = s.retention().purge(p.id());
    assertThat(r.skipped()).isEqualTo(1);
    assertThat(r.erased())
        .containsEntry(RecordKind.CANDIDATE_INACTIVE, 1)
        .containsEntry(RecordKind.MEETING_ATTENDANCE, 2)
        .containsEntry(RecordKind.TRAINING_PATH, 2)
        .containsEntry(RecordKind.SOURCING_ENTRY, 1);
    assertThat(deleted(CANDIDATE, dayBefore)).isTrue();
    assertThat(deleted(CANDIDATE_CONSENT, dayBefore)).isTrue();
    assertThat(s.db().dsl().fetchCount(CANDIDATE_CRITERION, CANDIDATE_CRITERION.DELETED.isFalse()))
        .isZero();
    assertThat(
            s.db()
                .dsl()
                .selectFrom(CANDIDATE)
                .where(CANDIDATE.ID.eq(dayBefore))
                .fetchOne()
                .getLastName())
        .isNull();
    for (UUID gone : List.of(m1Participant, m1Staff)) {
      assertThat(deleted(MEETING_PARTICIPANT, gone)).isTrue();
    }
    assertThat(deleted(TRAINING_PATH, p1)).isTrue();
    assertThat(deleted(TRAINING_EVENT, p1Event)).isTrue();
    assertThat(deleted(TRAINING_PATH, p3)).isTrue();
    assertThat(deleted(SOURCING_ENTRY, entryStale)).isTrue();
    for (UUID kept : List.of(onTheDay, dayAfter, invitedAhead, active)) {
      assertThat(deleted(CANDIDATE, kept)).as("candidate %s", kept).isFalse();
    }
    assertThat(deleted(MEETING_PARTICIPANT, m2Participant)).isFalse();
    assertThat(deleted(TRAINING_PATH, p2)).isFalse();
    assertThat(deleted(TRAINING_PATH, p4)).isFalse();
    assertThat(deleted(SOURCING_ENTRY, entryClosedLater)).isFalse();
    // audited: one entry per record erased, one for the purge
    assertThat(s.db().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("RETENTION_PURGED")))
        .isEqualTo(1 + 2 + 2 + 1 + 1);
    assertThat(
            s.db()
                .dsl()
                .fetchCount(
                    AUDIT_ENTRY,
                    AUDIT_ENTRY
                        .ACTION
                        .eq("RETENTION_PURGED")
                        .and(AUDIT_ENTRY.PERSON_ID.eq(dayBefore))))
        .isEqualTo(1);
    // confirmed once only
    assertThatThrownBy(() -> s.retention().purge(p.id())).isInstanceOf(InvalidInputException.class);
    assertThat(s.retention().nextProposalDue()).isEqualTo(TODAY.plusMonths(1));
  }

  @Test
  void aSupersededProposalCannotBeConfirmed() {
    PurgeProposal old = s.retention().propose();
    PurgeProposal fresh = s.retention().propose();
    long before = ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq();
    assertThatThrownBy(() -> s.retention().purge(old.id()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not the open proposal");
    assertThat(ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq()).isEqualTo(before);
    assertThat(s.retention().proposal(old.id()).orElseThrow().status())
        .isEqualTo(PurgeProposal.Status.SUPERSEDED);
    assertThat(fresh.status()).isEqualTo(PurgeProposal.Status.OPEN);
  }

  @Test
  void aLongerRuleMakesTheBoundaryMove() {
    s.retention().setRule(RecordKind.CANDIDATE_INACTIVE, 25, null);
    RetentionRule rule = s.retention().rules().get(0);
    assertThat(rule.months()).isEqualTo(25);
    assertThat(rule.sourced()).isFalse(); // the office's choice now
    assertThat(rule.updatedBy()).isEqualTo(TestServices.ADMIN);
    assertThat(ids(s.retention().propose())).noneMatch(i -> i.startsWith("CANDIDATE_INACTIVE"));
    assertThat(
            s.db().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("RETENTION_RULE_CHANGED")))
        .isEqualTo(1);
    assertThatThrownBy(() -> s.retention().setRule(RecordKind.TRAINING_PATH, 0, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("months: 0");
  }

  @Test
  void onlyAManagerConfirmsAndOnlyAnAdministratorSetsRules() {
    PurgeProposal p = s.retention().propose();
    TestServices.as(s, "lecteur", "READ_ONLY");
    assertThatThrownBy(() -> s.retention().purge(p.id())).isInstanceOf(AccessDeniedException.class);
    TestServices.as(s, "chef", "MANAGER");
    assertThatThrownBy(() -> s.retention().setRule(RecordKind.TRAINING_PATH, 12, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(s.retention().purge(p.id()).erasedTotal()).isEqualTo(7);
  }

  /** The migration seeds one rule per kind, with its source. */
  @Test
  void everyKindHasASeededRule() {
    assertThat(s.retention().rules().stream().map(RetentionRule::kind))
        .containsExactly(RecordKind.values());
    assertThat(s.retention().rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
  }

  private boolean deleted(Table<?> t, UUID id) {
    return s.db()
        .dsl()
        .select(t.field("DELETED", Boolean.class))
        .from(t)
        .where(t.field("ID", UUID.class).eq(id))
        .fetchOne(0, Boolean.class);
  }
}
