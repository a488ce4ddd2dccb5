package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import fr.passerelle.db.EditLocks;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.CandidateConsentRecord;
import fr.passerelle.db.jooq.tables.records.CandidateCriterionRecord;
import fr.passerelle.db.jooq.tables.records.CandidateOccupationRecord;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.AuditTrail;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * Writes a candidate and what hangs off it (target occupations, criteria, consent) inside the
 * caller's transaction, through the {@link ReplicatedWriter} (the search index follows the change
 * sequence it stamps, ADR 0100). Unchanged rows are not rewritten (no needless versions to sync).
 */
final class CandidateStore {
  private final ReplicatedWriter writer;
  private final AuditTrail audit;

  CandidateStore(ReplicatedWriter writer, AuditTrail audit) {
    this.writer = writer;
    this.audit = audit;
  }

  ReplicatedWriter writer() {
    return writer;
  }

  AuditTrail audit() {
    return audit;
  }

  /**
   * Creates or updates one candidate; returns its id. {@code keepHiddenSensitive}: sensitive
   * criteria stored but absent from {@code d} stay (the form showed them masked, or a file cannot
   * say whether it left them out); otherwise {@code d}'s criteria replace all.
   */
  UUID save(
      DSLContext tx,
      CandidateDetail d,
      UUID counselor,
      OffsetDateTime now,
      boolean keepHiddenSensitive) {
    CandidateRecord c =
        d.id() == null ? null : tx.selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(d.id())).fetchOne();
    boolean creating = c == null;
    if (c == null) {
      c = tx.newRecord(CANDIDATE);
      c.setId(d.id() == null ? UUID.randomUUID() : d.id());
      fill(c, d, now);
      writer.insert(tx, c);
    } else {
      fill(c, d, now);
    }
    UUID id = c.getId();
    boolean others = saveOccupations(tx, id, d.occupations());
    others |= saveCriteria(tx, id, d.criteria(), keepHiddenSensitive);
    others |= saveConsent(tx, id, d.consent(), counselor, now, creating);
    if (!creating) {
      EditLocks.unmarkUnchanged(c);
      if (others && !c.changed()) {
        // the candidate row's version is the file's (ADR 0177): any change to the file stamps it
        c.changed(CANDIDATE.LAST_NAME, true);
      }
      writer.update(tx, c);
    }
    return id;
  }

  /** Inserts new candidates in bulk (import): one stamp block for the whole batch. */
  void insertNew(DSLContext tx, List<CandidateDetail> batch, OffsetDateTime now) {
    if (batch.isEmpty()) {
      return;
    }
    int count = 0;
    for (CandidateDetail d : batch) {
      count += 2 + d.occupations().size() + d.criteria().size();
    }
    ReplicatedWriter.StampBlock stamps = writer.reserve(tx, count);
    List<TableRecord<?>> records = new ArrayList<>(count);
    for (CandidateDetail d : batch) {
      CandidateRecord c = tx.newRecord(CANDIDATE);
      c.setId(d.id() == null ? UUID.randomUUID() : d.id());
      fill(c, d, now);
      records.add(writer.stampNew(c, stamps.next()));
      for (CandidateDetail.TargetOccupation o : d.occupations()) {
        records.add(writer.stampNew(occupation(tx, c.getId(), o), stamps.next()));
      }
      for (CandidateDetail.Criterion k : d.criteria()) {
        CandidateCriterionRecord r = tx.newRecord(CANDIDATE_CRITERION);
        r.setCandidateId(c.getId());
        r.setCriterion(k.kind().name());
        fillCriterion(r, k);
        records.add(writer.stampNew(r, stamps.next()));
      }
      CandidateConsentRecord k = tx.newRecord(CANDIDATE_CONSENT);
      k.setId(c.getId());
      k.setCandidateId(c.getId());
      k.setShare(d.consent().share());
      k.setShareAt(Objects.requireNonNullElse(d.consent().shareAt(), now));
      k.setSensitive(d.consent().sensitiveAgreed());
      k.setSensitiveAt(Objects.requireNonNullElse(d.consent().sensitiveAt(), now));
      records.add(writer.stampNew(k, stamps.next()));
    }
    tx.batchInsert(records).execute();
  }

  private static void fill(CandidateRecord c, CandidateDetail d, OffsetDateTime now) {
    c.setLastName(trim(d.lastName()));
    c.setFirstName(trim(d.firstName()));
    c.setNameNorm(DuplicateFinder.nameNorm(d.lastName(), d.firstName()));
    c.setBirthDate(d.birthDate());
    c.setEmail(trim(d.email()));
    c.setPhone(trim(d.phone()));
    c.setAddress(trim(d.address()));
    c.setCommuneCode(trim(d.communeCode()));
    c.setMobilityKm(d.mobilityKm());
    c.setDrivingLicence(d.drivingLicence());
    c.setAvailableFrom(d.availableFrom());
    c.setStatus(d.status() == null ? CandidateStatus.ACTIVE.name() : d.status().name());
    c.setRegisteredOn(
        d.registeredOn() != null
            ? d.registeredOn()
            : c.getRegisteredOn() != null ? c.getRegisteredOn() : now.toLocalDate());
    c.setNotes(trim(d.notes()));
    c.setCivility(d.civility() == null ? null : d.civility().name());
    c.setFtIdentifier(trim(FranceTravailId.normalize(d.franceTravailId())));
    if (d.officeId() != null) {
      c.setOfficeId(d.officeId());
    }
  }

  private static CandidateOccupationRecord occupation(
      DSLContext tx, UUID candidate, CandidateDetail.TargetOccupation o) {
    CandidateOccupationRecord r = tx.newRecord(CANDIDATE_OCCUPATION);
    r.setCandidateId(candidate);
    r.setRomeCode(o.romeCode().trim().toUpperCase(Locale.ROOT));
    r.setExperienceYears(o.experienceYears());
    return r;
  }

  /** True when a row was written. */
  private boolean saveOccupations(
      DSLContext tx, UUID id, List<CandidateDetail.TargetOccupation> wanted) {
    boolean wrote = false;
    Map<String, CandidateOccupationRecord> stored = new HashMap<>();
    for (CandidateOccupationRecord r :
        tx.selectFrom(CANDIDATE_OCCUPATION)
            .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(id))
            .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
            .fetch()) {
      if (stored.putIfAbsent(r.getRomeCode(), r) != null) {
        wrote |= writer.delete(tx, CANDIDATE_OCCUPATION, r.getId()); // a duplicate left by a merge
      }
    }
    for (CandidateDetail.TargetOccupation o : wanted) {
      String code = o.romeCode().trim().toUpperCase(Locale.ROOT);
      CandidateOccupationRecord r = stored.remove(code);
      if (r == null) {
        writer.insert(tx, occupation(tx, id, o));
        wrote = true;
      } else {
        r.setExperienceYears(o.experienceYears());
        wrote |= r.changed();
        writer.update(tx, r);
      }
    }
    for (CandidateOccupationRecord r : stored.values()) {
      wrote |= writer.delete(tx, CANDIDATE_OCCUPATION, r.getId());
    }
    return wrote;
  }

  /** True when a row was written. */
  private boolean saveCriteria(
      DSLContext tx, UUID id, List<CandidateDetail.Criterion> wanted, boolean keepHiddenSensitive) {
    boolean wrote = false;
    Map<String, CandidateCriterionRecord> stored = new HashMap<>();
    for (CandidateCriterionRecord r :
        tx.selectFrom(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(id))
            .and(CANDIDATE_CRITERION.DELETED.isFalse())
            .fetch()) {
      if (stored.putIfAbsent(r.getCriterion(), r) != null) {
        wrote |= writer.delete(tx, CANDIDATE_CRITERION, r.getId());
      }
    }
    for (CandidateDetail.Criterion k : wanted) {
      CandidateCriterionRecord r = stored.remove(k.kind().name());
      if (r == null) {
        r = tx.newRecord(CANDIDATE_CRITERION);
        r.setCandidateId(id);
        r.setCriterion(k.kind().name());
        fillCriterion(r, k);
        writer.insert(tx, r);
        wrote = true;
      } else {
        fillCriterion(r, k);
        wrote |= r.changed();
        writer.update(tx, r);
      }
    }
    for (CandidateCriterionRecord r : stored.values()) {
      boolean hiddenSensitive =
          PriorityCriterion.parse(r.getCriterion()).map(PriorityCriterion::sensitive).orElse(false);
      if (!keepHiddenSensitive || !hiddenSensitive) {
        wrote |= writer.delete(tx, CANDIDATE_CRITERION, r.getId());
      }
    }
    return wrote;
  }

  private static void fillCriterion(CandidateCriterionRecord r, CandidateDetail.Criterion k) {
    r.setSince(k.since());
    r.setProofSeen(k.proofSeen());
    r.setProofSeenOn(k.proofSeen() ? k.proofSeenOn() : null);
  }

  /** True when the consent row was written. */
  private boolean saveConsent(
      DSLContext tx,
      UUID id,
      CandidateDetail.Consent wanted,
      UUID counselor,
      OffsetDateTime now,
      boolean creating) {
    CandidateConsentRecord r =
        tx.selectFrom(CANDIDATE_CONSENT).where(CANDIDATE_CONSENT.ID.eq(id)).fetchOne();
    boolean insert = r == null;
    if (insert) {
      r = tx.newRecord(CANDIDATE_CONSENT);
      r.setId(id);
      r.setCandidateId(id);
    }
    boolean sensitive = wanted.sensitiveAgreed();
    boolean shareChanged = insert || !Objects.equals(r.getShare(), wanted.share());
    boolean sensitiveChanged = insert || !Objects.equals(r.getSensitive(), sensitive);
    if (!shareChanged && !sensitiveChanged) {
      return false;
    }
    if (shareChanged) {
      r.setShare(wanted.share());
      r.setShareAt(now);
    }
    if (sensitiveChanged) {
      r.setSensitive(sensitive);
      r.setSensitiveAt(now);
    }
    r.setRecordedBy(counselor);
    if (insert) {
      writer.insert(tx, r);
    } else {
      writer.update(tx, r);
    }
    if (!creating || wanted.share() || sensitive) {
      audit.record(
          tx,
          AuditAction.CONSENT_CHANGED,
          id,
          "candidate_consent " + id,
          "share=" + wanted.share() + " sensitive=" + sensitive);
    }
    return true;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
