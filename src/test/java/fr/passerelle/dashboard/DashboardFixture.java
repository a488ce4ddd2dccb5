package fr.passerelle.dashboard;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.app.Services;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.Outcome;
import fr.passerelle.training.PathDraft;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * The small hand-built data set of the dashboard tests; the expected figures are worked out by hand
 * in {@link StatsServiceTest}. Office A is the one under study, office B another office.
 */
public final class DashboardFixture {
  public final Services s;
  public final UUID officeA = UUID.randomUUID();
  final UUID officeB = UUID.randomUUID();
  UUID c1;

  public DashboardFixture(Services s) {
    this.s = s;
  }

  private <R extends TableRecord<R>> R insert(R r) {
    s.db().dsl().transaction(cfg -> s.writer().insert(cfg.dsl(), r));
    return r;
  }

  private DSLContext dsl() {
    return s.db().dsl();
  }

  void offer(String source, LocalDate opened, LocalDate closed, String override, UUID office) {
    var o = dsl().newRecord(JOB_OFFER);
    o.setSource(source);
    o.setOpenedOn(opened);
    o.setClosedOn(closed);
    o.setHardToFillOverride(override);
    o.setOfficeId(office);
    o.setRomeCode("N1101");
    o.setTitle("Offre " + opened);
    insert(o);
  }

  UUID candidate(UUID office, String status, String... criteria) {
    var c = dsl().newRecord(CANDIDATE);
    c.setOfficeId(office);
    c.setStatus(status);
    c.setLastName("Nom" + System.nanoTime());
    c.setFirstName("P");
    insert(c);
    for (String crit : criteria) {
      var k = dsl().newRecord(CANDIDATE_CRITERION);
      k.setCandidateId(c.getId());
      k.setCriterion(crit);
      insert(k);
    }
    return c.getId();
  }

  UUID list(UUID office) {
    var l = dsl().newRecord(SOURCING_LIST);
    l.setOfficeId(office);
    l.setName("Liste");
    return insert(l).getId();
  }

  UUID entry(UUID list, UUID candidate, LocalDate added) {
    var e = dsl().newRecord(SOURCING_ENTRY);
    e.setListId(list);
    e.setCandidateId(candidate);
    e.setAddedOn(added);
    e.setStatus("PROPOSED");
    return insert(e).getId();
  }

  UUID meeting(UUID office, UUID coOffice, String status, LocalDateTime starts, String... parts) {
    var m = dsl().newRecord(MEETING);
    m.setOfficeId(office);
    m.setCoOfficeId(coOffice);
    m.setStatus(status);
    m.setKind("INFO_COLLECTIVE");
    m.setStartsAt(starts);
    m.setTitle("Réunion " + starts);
    insert(m);
    for (String p : parts) {
      String[] rs = p.split(":");
      var mp = dsl().newRecord(MEETING_PARTICIPANT);
      mp.setMeetingId(m.getId());
      mp.setRole(rs[0]);
      mp.setStatus(rs[1]);
      insert(mp);
    }
    return m.getId();
  }

  TrainingPath path(
      UUID office, FundingScheme scheme, LocalDate start, LocalDate end, TrainingStatus status) {
    PathDraft d =
        new PathDraft(
            c1,
            null,
            null,
            "N1101",
            "Formation " + scheme,
            null,
            null,
            200,
            start,
            end,
            scheme,
            null,
            null,
            null,
            null);
    return s.training().create(d, status, null, office);
  }

  void delete(org.jooq.Table<?> t, UUID id) {
    s.db().dsl().transaction(cfg -> s.writer().delete(cfg.dsl(), t, id));
  }

  /** Builds the whole data set. */
  public DashboardFixture build() {
    LocalDate d = null;
    // ---- offers
    offer("FRANCE_TRAVAIL", LocalDate.of(2026, 1, 10), null, null, officeA); // 1
    offer("FRANCE_TRAVAIL", LocalDate.of(2026, 1, 20), null, null, officeA); // 2
    offer("TEMP_AGENCY", LocalDate.of(2026, 1, 15), null, null, officeA); // 3
    offer("FRANCE_TRAVAIL", LocalDate.of(2025, 12, 5), null, null, officeA); // 4
    offer("TEMP_AGENCY", LocalDate.of(2025, 10, 1), null, null, officeA); // 5
    offer("FRANCE_TRAVAIL", LocalDate.of(2025, 11, 20), null, null, officeA); // 6
    offer(
        "FRANCE_TRAVAIL", LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 15), null, officeA); // 7
    offer("TEMP_AGENCY", LocalDate.of(2026, 1, 25), null, "YES", officeA); // 8
    offer("FRANCE_TRAVAIL", LocalDate.of(2025, 10, 15), null, "NO", officeA); // 9
    offer("TEMP_AGENCY", LocalDate.of(2026, 1, 5), null, null, officeB); // 10
    var gone = dsl().newRecord(JOB_OFFER); // 11: deleted
    gone.setSource("FRANCE_TRAVAIL");
    gone.setOpenedOn(LocalDate.of(2026, 1, 12));
    gone.setOfficeId(officeA);
    insert(gone);
    delete(JOB_OFFER, gone.getId());
    // ---- candidates
    c1 = candidate(officeA, "ACTIVE", "RQTH", "DELD");
    UUID c2 = candidate(officeA, "ACTIVE", "RSA");
    UUID c3 = candidate(officeA, "ACTIVE");
    UUID c4 = candidate(officeA, null);
    UUID c5 = candidate(officeB, "ACTIVE", "RQTH");
    candidate(officeA, "INACTIVE"); // c6
    UUID c7 = candidate(officeA, "ACTIVE");
    var crit = dsl().newRecord(CANDIDATE_CRITERION);
    crit.setCandidateId(c7);
    crit.setCriterion("RQTH");
    insert(crit);
    delete(CANDIDATE_CRITERION, crit.getId());
    // ---- sourcing lists
    UUID l1 = list(officeA);
    UUID l2 = list(officeA);
    UUID l3 = list(officeB);
    entry(l1, c1, LocalDate.of(2026, 1, 8));
    entry(l1, c3, LocalDate.of(2026, 1, 9));
    entry(l2, c1, LocalDate.of(2026, 1, 12));
    entry(l1, c2, LocalDate.of(2025, 12, 10));
    delete(SOURCING_ENTRY, entry(l1, c4, LocalDate.of(2026, 1, 10)));
    entry(l3, c5, LocalDate.of(2026, 1, 11));
    // ---- meetings
    meeting(
        officeA,
        null,
        "HELD",
        LocalDateTime.of(2026, 1, 14, 10, 0),
        "CANDIDATE:PRESENT",
        "CANDIDATE:PRESENT",
        "CANDIDATE:ABSENT",
        "CANDIDATE:WAITLISTED",
        "PARTNER:PRESENT",
        "CANDIDATE:EXCUSED");
    meeting(officeA, null, "HELD", LocalDateTime.of(2026, 1, 31, 16, 0), "CANDIDATE:PRESENT");
    meeting(officeA, null, "PLANNED", LocalDateTime.of(2026, 1, 28, 9, 0), "CANDIDATE:CONFIRMED");
    meeting(officeA, null, "HELD", LocalDateTime.of(2025, 12, 3, 9, 0), "CANDIDATE:ABSENT");
    meeting(officeB, officeA, "HELD", LocalDateTime.of(2026, 1, 20, 9, 0), "CANDIDATE:PRESENT");
    meeting(officeA, null, "HELD", LocalDateTime.of(2026, 2, 1, 0, 0), "CANDIDATE:PRESENT");
    // ---- reconversions
    path(
        officeA,
        FundingScheme.POEC,
        LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 3, 1),
        TrainingStatus.IN_TRAINING); // T1
    path(
        officeA,
        FundingScheme.POEI,
        LocalDate.of(2025, 9, 1),
        LocalDate.of(2026, 1, 20),
        TrainingStatus.COMPLETED); // T2
    TrainingPath t3 =
        path(
            officeA,
            FundingScheme.POEI,
            LocalDate.of(2025, 3, 1),
            LocalDate.of(2025, 6, 30),
            TrainingStatus.COMPLETED);
    s.training().recordOutcome(t3.id(), Outcome.EMPLOYED_TARGET, LocalDate.of(2026, 1, 2), null);
    path(officeA, FundingScheme.CPF, LocalDate.of(2026, 1, 10), null, TrainingStatus.APPLIED); // T4
    TrainingPath t5 =
        path(
            officeA,
            FundingScheme.CPF,
            LocalDate.of(2026, 1, 12),
            LocalDate.of(2026, 1, 30),
            TrainingStatus.IN_TRAINING);
    s.training().move(t5.id(), TrainingStatus.DROPPED, "abandon", false);
    path(
        officeA,
        FundingScheme.AIF,
        LocalDate.of(2025, 12, 1),
        null,
        TrainingStatus.IN_TRAINING); // T6
    path(
        officeB,
        FundingScheme.POEC,
        LocalDate.of(2026, 1, 6),
        null,
        TrainingStatus.IN_TRAINING); // T7
    path(officeA, null, LocalDate.of(2026, 1, 15), null, TrainingStatus.IN_TRAINING); // T8
    TrainingPath t9 =
        path(
            officeA,
            FundingScheme.POEC,
            LocalDate.of(2025, 3, 1),
            LocalDate.of(2025, 7, 1),
            TrainingStatus.COMPLETED);
    s.training().recordOutcome(t9.id(), Outcome.SEEKING, LocalDate.of(2026, 1, 10), null);
    return this;
  }
}
