package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.MEETING_PARTICIPANT;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.security.AuditAction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

/** Merging two records of one person, and erasing a person: multi-row writes in one transaction. */
final class CandidateMerge {
  private final CandidateStore store;
  private final ReplicatedWriter writer;

  CandidateMerge(CandidateStore store, ReferenceLookup ref) {
    this.store = store;
    this.writer = store.writer();
  }

  void merge(DSLContext tx, CandidateDetail keep, CandidateDetail drop, OffsetDateTime now) {
    Map<String, CandidateDetail.TargetOccupation> occ = new LinkedHashMap<>();
    drop.occupations().forEach(o -> occ.put(o.romeCode(), o));
    keep.occupations().forEach(o -> occ.put(o.romeCode(), o));
    Map<PriorityCriterion, CandidateDetail.Criterion> crit = new LinkedHashMap<>();
    drop.criteria().forEach(c -> crit.put(c.kind(), c));
    keep.criteria().forEach(c -> crit.put(c.kind(), c));
    // consent: the more restrictive answer wins (a withdrawal is never undone by a merge)
    CandidateDetail.Consent consent =
        new CandidateDetail.Consent(
            keep.consent().share() && drop.consent().share(),
            keep.consent().shareAt(),
            keep.consent().sensitive() && drop.consent().sensitive(),
            keep.consent().sensitiveAt(),
            keep.consent().recordedBy());
    CandidateDetail merged =
        new CandidateDetail(
            keep.id(),
            keep.officeId(),
            keep.lastName(),
            keep.firstName(),
            or(keep.birthDate(), drop.birthDate()),
            or(keep.email(), drop.email()),
            or(keep.phone(), drop.phone()),
            or(keep.address(), drop.address()),
            or(keep.communeCode(), drop.communeCode()),
            null,
            keep.mobilityKm() != null && keep.mobilityKm() > 0
                ? keep.mobilityKm()
                : drop.mobilityKm(),
            Boolean.TRUE.equals(keep.drivingLicence())
                || Boolean.TRUE.equals(drop.drivingLicence()),
            or(keep.availableFrom(), drop.availableFrom()),
            keep.status(),
            keep.registeredOn(),
            joinNotes(keep.notes(), drop.notes()),
            new ArrayList<>(occ.values()),
            new ArrayList<>(crit.values()),
            consent,
            or(keep.civility(), drop.civility()),
            or(keep.franceTravailId(), drop.franceTravailId()),
            null);
    // the dropped person's own rows first become tombstones, then keep gets the union
    erase(tx, drop.id(), false);
    store.save(tx, merged, keep.consent().recordedBy(), now, false);
    repoint(tx, SOURCING_ENTRY, SOURCING_ENTRY.CANDIDATE_ID, drop.id(), keep.id());
    repoint(tx, MEETING_PARTICIPANT, MEETING_PARTICIPANT.CANDIDATE_ID, drop.id(), keep.id());
    repoint(tx, TRAINING_PATH, TRAINING_PATH.CANDIDATE_ID, drop.id(), keep.id());
    store
        .audit()
        .record(
            tx,
            AuditAction.CANDIDATES_MERGED,
            keep.id(),
            "candidate " + keep.id(),
            "merged " + drop.id() + " into " + keep.id());
  }

  /** Tombstones the candidate, its consent, occupations and criteria. */
  void erase(DSLContext tx, UUID id) {
    erase(tx, id, true);
  }

  private void erase(DSLContext tx, UUID id, boolean audit) {
    tx.select(CANDIDATE_OCCUPATION.ID)
        .from(CANDIDATE_OCCUPATION)
        .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(id))
        .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
        .fetch(CANDIDATE_OCCUPATION.ID)
        .forEach(o -> writer.delete(tx, CANDIDATE_OCCUPATION, o));
    tx.select(CANDIDATE_CRITERION.ID)
        .from(CANDIDATE_CRITERION)
        .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(id))
        .and(CANDIDATE_CRITERION.DELETED.isFalse())
        .fetch(CANDIDATE_CRITERION.ID)
        .forEach(o -> writer.delete(tx, CANDIDATE_CRITERION, o));
    writer.delete(tx, CANDIDATE_CONSENT, id);
    writer.delete(tx, CANDIDATE, id);
    if (audit) {
      store
          .audit()
          .record(tx, AuditAction.CANDIDATE_ERASED, id, "candidate " + id, "candidate erased");
    }
  }

  private <R extends UpdatableRecord<R>> void repoint(
      DSLContext tx, Table<R> table, TableField<R, UUID> column, UUID from, UUID to) {
    Field<Boolean> deleted = table.field("DELETED", Boolean.class);
    for (R r : tx.selectFrom(table).where(column.eq(from)).and(deleted.isFalse()).fetch()) {
      r.set(column, to);
      writer.update(tx, r);
    }
  }

  private static <T> T or(T a, T b) {
    if (a instanceof String s && s.isBlank()) {
      return b;
    }
    return a != null ? a : b;
  }

  private static String joinNotes(String a, String b) {
    if (b == null || b.isBlank()) {
      return a;
    }
    if (a == null || a.isBlank()) {
      return b;
    }
    return a + "\n" + b;
  }
}
