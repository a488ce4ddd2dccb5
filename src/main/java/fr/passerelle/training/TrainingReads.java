package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.db.Database;
import fr.passerelle.db.TextNorm;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.impl.DSL;

/** Read-only views of the training data: by target occupation, and the candidate picker. */
public final class TrainingReads {
  private final Database db;
  private final Access access;
  private final Supplier<Set<String>> hardToFill;

  /**
   * {@code hardToFill} gives the occupations with an open hard-to-fill offer: the offers' one
   * definition ({@code offers/HardToFillService#hardToFillRomeCodes}, ADR 0130), not a copy.
   */
  public TrainingReads(Database db, Access access, Supplier<Set<String>> hardToFill) {
    this.db = db;
    this.access = access;
    this.hardToFill = hardToFill;
  }

  /**
   * Reconversions per target occupation, hard-to-fill occupations first (an occupation with at
   * least one open offer hard to fill), then by number of paths.
   */
  public List<TargetRow> byTarget(boolean onlyHardToFill) {
    access.require(Permission.TRAINING_READ);
    Set<String> hard = hardToFill.get();
    var s = TRAINING_PATH.STATUS;
    return db
        .dsl()
        .select(
            TRAINING_PATH.TARGET_ROME_CODE,
            OCCUPATION.LABEL,
            DSL.count(),
            DSL.count().filterWhere(s.eq("IN_TRAINING")),
            DSL.count().filterWhere(s.in("COMPLETED", "EMPLOYED")),
            DSL.count()
                .filterWhere(
                    s.eq("EMPLOYED")
                        .or(TRAINING_PATH.OUTCOME.in("EMPLOYED_TARGET", "EMPLOYED_OTHER"))))
        .from(TRAINING_PATH)
        .leftJoin(OCCUPATION)
        .on(OCCUPATION.ROME_CODE.eq(TRAINING_PATH.TARGET_ROME_CODE))
        .where(TRAINING_PATH.DELETED.isFalse())
        .and(TRAINING_PATH.TARGET_ROME_CODE.isNotNull())
        .groupBy(TRAINING_PATH.TARGET_ROME_CODE, OCCUPATION.LABEL)
        .fetch(
            r ->
                new TargetRow(
                    r.value1(),
                    r.value2(),
                    hard.contains(r.value1()),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6()))
        .stream()
        .filter(r -> !onlyHardToFill || r.hardToFill())
        .sorted(
            Comparator.comparing(TargetRow::hardToFill)
                .reversed()
                .thenComparing(Comparator.comparingInt(TargetRow::paths).reversed())
                .thenComparing(TargetRow::romeCode))
        .toList();
  }

  /** Open offers of an occupation (at most 50, newest first), for the path form. */
  public List<PathOffer> openOffers(String romeCode) {
    access.require(Permission.OFFERS_READ);
    if (romeCode == null || romeCode.isBlank()) {
      return List.of();
    }
    var o = fr.passerelle.db.jooq.Tables.JOB_OFFER;
    return db.dsl()
        .select(o.ID, o.EMPLOYER_ID, o.TITLE, o.SOURCE, o.OPENED_ON)
        .from(o)
        .where(o.DELETED.isFalse())
        .and(o.ROME_CODE.eq(romeCode))
        .and(o.CLOSED_ON.isNull())
        .orderBy(o.OPENED_ON.desc())
        .limit(50)
        .fetch(r -> new PathOffer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /** Candidates whose normalised name starts with the query (at most 30). */
  public List<CandidateRef> findCandidates(String query) {
    access.require(Permission.CANDIDATES_READ);
    String q = TextNorm.normalize(query == null ? "" : query);
    if (q.isBlank()) {
      return List.of();
    }
    return db.dsl()
        .select(CANDIDATE.ID, CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME, CANDIDATE.COMMUNE_CODE)
        .from(CANDIDATE)
        .where(CANDIDATE.DELETED.isFalse())
        .and(
            CANDIDATE
                .NAME_NORM
                .startsWith(q)
                .or(
                    DSL.lower(CANDIDATE.LAST_NAME)
                        .startsWith(query.toLowerCase(Locale.ROOT).trim())))
        .orderBy(CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME)
        .limit(30)
        .fetch(
            r ->
                new CandidateRef(
                    r.value1(),
                    (r.value2() == null ? "" : r.value2().toUpperCase(Locale.FRANCE))
                        + " "
                        + (r.value3() == null ? "" : r.value3()),
                    r.value4()));
  }
}
