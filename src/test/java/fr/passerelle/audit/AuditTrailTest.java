package fr.passerelle.audit;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.core.Progress;
import fr.passerelle.db.AuditChain;
import fr.passerelle.db.jooq.tables.records.AuditEntryRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.AccessDeniedException;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the audit trail records (who, when, which person or file, which workstation), its filters,
 * and {@code audit verify} naming the first entry changed or deleted directly in the database.
 */
class AuditTrailTest {
  @TempDir Path dir;
  Services s;
  UUID helene;

  @BeforeEach
  void open() {
    s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    TestServices.as(s, "cmartin", Roles.COUNSELOR);
    CandidateDetail d =
        new CandidateDetail(
            null,
            null,
            "Lefèvre",
            "Hélène",
            LocalDate.of(1990, 3, 14),
            "",
            "",
            "",
            "81004",
            null,
            10,
            false,
            null,
            CandidateStatus.ACTIVE,
            null,
            "",
            List.of(),
            List.of(new CandidateDetail.Criterion(PriorityCriterion.RQTH, null, false, null)),
            new CandidateDetail.Consent(true, null, false, null, null));
    helene = s.candidates().save(d, null).id();
    s.candidates().find(helene);
    s.candidates().showSensitive(helene);
    TestServices.signInAdmin(s);
  }

  @AfterEach
  void close() {
    s.close();
  }

  private List<AuditEntry> list(AuditFilter f) {
    return s.audit().list(f, 1000);
  }

  @Test
  void recordsWhoOpenedAFileShowedItsHealthDataAndChangedItsConsent() {
    List<AuditEntry> hers = list(new AuditFilter("lefevre", null, null, null, null));
    assertThat(hers)
        .extracting(AuditEntry::action)
        // the save that changed the consent is recorded too, naming the version it wrote (ADR 0177)
        .containsExactly("SENSITIVE_SHOWN", "CANDIDATE_OPENED", "RECORD_SAVED", "CONSENT_CHANGED");
    AuditEntry shown = hers.get(0);
    assertThat(shown.actor()).isEqualTo("cmartin");
    assertThat(shown.personId()).isEqualTo(helene);
    assertThat(shown.personName()).isEqualTo("LEFÈVRE Hélène");
    assertThat(shown.workstation()).contains(System.getProperty("user.name"));
    assertThat(shown.organisation()).isEqualTo("France Travail");
    assertThat(list(new AuditFilter(helene.toString(), null, null, null, null))).hasSize(4);
    assertThat(list(new AuditFilter(null, "cmart", null, null, "SIGN_IN")))
        .extracting(AuditEntry::action)
        .containsOnly("SIGN_IN");
    assertThat(
            list(
                new AuditFilter(
                    null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2), null)))
        .isEmpty();
    assertThatThrownBy(() -> list(new AuditFilter(null, null, null, null, "DANCE")))
        .hasMessageContaining("Unknown action");
  }

  @Test
  void everyExportIsRecordedWithItsFileAndTheAuditItselfNeedsItsPermission() throws Exception {
    Path csv = dir.resolve("candidats.csv");
    s.candidates()
        .transfer()
        .exportFile(csv, fr.passerelle.candidates.CandidateQuery.all(), Progress.NONE);
    Path journal = dir.resolve("journal.csv");
    long n = s.audit().export(journal, AuditFilter.ALL, Progress.NONE);
    assertThat(Files.readString(journal)).contains("SENSITIVE_SHOWN", "cmartin", csv.toString());
    assertThat(n).isGreaterThan(5);
    assertThat(list(new AuditFilter(null, null, null, null, "EXPORT")))
        .extracting(AuditEntry::subject)
        .contains(csv.toAbsolutePath().toString(), journal.toAbsolutePath().toString());
    // the manager's export leaves the health data out; the administrator's (counselor too) not
    assertThat(Files.readString(csv)).contains("RQTH");
    TestServices.as(s, "chef", Roles.MANAGER);
    Path managers = dir.resolve("candidats-responsable.csv");
    s.candidates()
        .transfer()
        .exportFile(managers, fr.passerelle.candidates.CandidateQuery.all(), Progress.NONE);
    assertThat(Files.readString(managers)).contains("Lefèvre").doesNotContain("RQTH");
    assertThatThrownBy(() -> s.audit().verify()).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void verifySaysIntactThenNamesAModifiedEntry() {
    Verification ok = s.audit().verify();
    assertThat(ok.intact()).isTrue();
    assertThat(ok.chains()).isEqualTo(1);
    AuditEntryRecord opened = entry("CANDIDATE_OPENED");
    s.db()
        .dsl()
        .update(AUDIT_ENTRY)
        .set(AUDIT_ENTRY.ACTOR, "quelqu'un d'autre")
        .where(AUDIT_ENTRY.ID.eq(opened.getId()))
        .execute();
    Verification v = s.audit().verify();
    assertThat(v.broken()).isPresent();
    assertThat(v.broken().get().id()).isEqualTo(opened.getId());
    assertThat(v.broken().get().seq()).isEqualTo(opened.getOriginSeq());
    assertThat(v.broken().get().problem()).isEqualTo(Verification.Problem.MODIFIED);
  }

  @Test
  void aModifiedEntryWhoseHashWasRecomputedBreaksTheNextLink() {
    AuditEntryRecord opened = entry("CANDIDATE_OPENED");
    opened.setActor("quelqu'un d'autre");
    opened.setHash(AuditChain.hash(opened));
    opened.update();
    Verification v = s.audit().verify();
    assertThat(v.broken().get().seq()).isEqualTo(opened.getOriginSeq() + 1);
    assertThat(v.broken().get().problem()).isEqualTo(Verification.Problem.NOT_FOLLOWING);
  }

  @Test
  void editedDetailsAreDetectedButErasedOnesAreNot() {
    AuditEntryRecord consent = entry("CONSENT_CHANGED");
    s.db()
        .dsl()
        .update(AUDIT_ENTRY)
        .setNull(AUDIT_ENTRY.DETAILS)
        .where(AUDIT_ENTRY.ID.eq(consent.getId()))
        .execute();
    assertThat(s.audit().verify().intact()).as("details erased (consent withdrawal)").isTrue();
    s.db()
        .dsl()
        .update(AUDIT_ENTRY)
        .set(AUDIT_ENTRY.DETAILS, "share=false sensitive=false")
        .where(AUDIT_ENTRY.ID.eq(consent.getId()))
        .execute();
    Verification v = s.audit().verify();
    assertThat(v.broken().get().id()).isEqualTo(consent.getId());
    assertThat(v.broken().get().problem()).isEqualTo(Verification.Problem.DETAILS_MODIFIED);
  }

  @Test
  void aDeletedEntryIsNamedInTheMiddleAndAtTheEnd() {
    AuditEntryRecord opened = entry("CANDIDATE_OPENED");
    s.db().dsl().deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(opened.getId())).execute();
    Verification v = s.audit().verify();
    assertThat(v.broken().get().seq()).isEqualTo(opened.getOriginSeq() + 1);
    assertThat(v.broken().get().problem()).isEqualTo(Verification.Problem.MISSING_BEFORE);
  }

  @Test
  void theLastEntriesDeletedAreDetectedByTheChainsHead() {
    long last =
        s.db()
            .dsl()
            .select(org.jooq.impl.DSL.max(AUDIT_ENTRY.ORIGIN_SEQ))
            .from(AUDIT_ENTRY)
            .fetchOne(0, Long.class);
    s.db().dsl().deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ORIGIN_SEQ.ge(last - 1)).execute();
    Verification v = s.audit().verify();
    assertThat(v.broken().get().seq()).isEqualTo(last - 1);
    assertThat(v.broken().get().problem()).isEqualTo(Verification.Problem.MISSING_AT_END);
  }

  @Test
  void aRefusedActionIsRecordedWithThePermissionMissing() {
    TestServices.as(s, "lecture", Roles.READ_ONLY);
    assertThatThrownBy(() -> s.candidates().showSensitive(helene))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e ->
                assertThat(e.missing())
                    .isEqualTo(fr.passerelle.security.Permission.SENSITIVE_READ));
    TestServices.signInAdmin(s);
    AuditEntry refused = list(new AuditFilter(null, "lecture", null, null, "REFUSED")).get(0);
    assertThat(refused.subject()).isEqualTo("CandidateService.showSensitive");
    assertThat(refused.details()).contains("SENSITIVE_READ");
  }

  private AuditEntryRecord entry(String action) {
    return s.db()
        .dsl()
        .selectFrom(AUDIT_ENTRY)
        .where(AUDIT_ENTRY.ACTION.eq(action))
        .orderBy(AUDIT_ENTRY.ORIGIN_SEQ)
        .limit(1)
        .fetchOne();
  }
}
