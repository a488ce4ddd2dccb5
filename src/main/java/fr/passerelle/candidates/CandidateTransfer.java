package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.InLists;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.tabular.Cells;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.TabularImport;
import fr.passerelle.tabular.TabularWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Cursor;
import org.jooq.DSLContext;

/**
 * Candidates to and from CSV (French Excel) and .xlsx files. The export's header is the import's
 * columns, so a file can go through Excel and come back: rows keep their {@code id} and update.
 */
public final class CandidateTransfer {
  private static final int BATCH = 1_000;
  private final CandidateService service;

  CandidateTransfer(CandidateService service) {
    this.service = service;
  }

  /**
   * Validates every row, then imports all of them in one transaction — or, with {@link
   * ImportMode#VALID_ROWS_ONLY}, the valid ones. The report says what was refused and why.
   */
  public ImportReport importFile(Path file, ImportMode mode, Progress progress) {
    service.access().require(Permission.CANDIDATES_WRITE);
    ImportReport r =
        new TabularImport<>(new CandidateImportSchema(service))
            .run(service.database().dsl(), file, mode, progress);
    if (r.applied()) {
      service
          .access()
          .audit()
          .record(
              AuditAction.IMPORTED,
              null,
              file.toAbsolutePath().toString(),
              "CANDIDATES created " + r.created() + ", updated " + r.updated());
    }
    return r;
  }

  /**
   * Writes the candidates matching {@code query} (all: {@link CandidateQuery#all()}); returns the
   * count. Sensitive criteria are written only for accounts allowed to see them; audited.
   */
  public long exportFile(Path file, CandidateQuery query, Progress progress) {
    service.access().require(Permission.DATA_EXPORT);
    boolean sensitive = service.access().has(Permission.SENSITIVE_READ);
    DSLContext dsl = service.database().dsl();
    ReferenceLookup ref = service.reference();
    int total = service.reads().count(query);
    long done = 0;
    try (TabularWriter out = TabularWriter.open(file, "Candidats", CandidateColumns.FILE.header());
        Cursor<CandidateRecord> cur =
            dsl.selectFrom(CANDIDATE)
                .where(service.reads().condition(query))
                .orderBy(CANDIDATE.NAME_NORM, CANDIDATE.ID)
                .fetchSize(BATCH)
                .fetchLazy()) {
      while (cur.hasNext()) {
        List<CandidateRecord> batch = cur.fetchNext(BATCH).into(CANDIDATE);
        writeBatch(dsl, ref, batch, out, sensitive);
        done += batch.size();
        progress.update(done, Math.max(total, done), null);
        if (progress.isCancelled()) {
          throw new CancelledException();
        }
      }
    }
    service
        .access()
        .audit()
        .record(
            AuditAction.EXPORT,
            null,
            file.toAbsolutePath().toString(),
            "CANDIDATES " + done + " rows" + (sensitive ? ", with sensitive criteria" : ""));
    return done;
  }

  private static void writeBatch(
      DSLContext dsl,
      ReferenceLookup ref,
      List<CandidateRecord> batch,
      TabularWriter out,
      boolean sensitive) {
    List<UUID> ids = batch.stream().map(CandidateRecord::getId).toList();
    Map<UUID, String> occ =
        dsl
            .selectFrom(CANDIDATE_OCCUPATION)
            .where(InLists.in(CANDIDATE_OCCUPATION.CANDIDATE_ID, ids))
            .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
            .orderBy(CANDIDATE_OCCUPATION.ROME_CODE)
            .fetch()
            .stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getCandidateId(),
                    Collectors.mapping(
                        r ->
                            r.getRomeCode()
                                + (r.getExperienceYears() == null
                                    ? ""
                                    : ":" + r.getExperienceYears()),
                        Collectors.joining(" | "))));
    Map<UUID, String> crit =
        dsl
            .selectFrom(CANDIDATE_CRITERION)
            .where(InLists.in(CANDIDATE_CRITERION.CANDIDATE_ID, ids))
            .and(CANDIDATE_CRITERION.DELETED.isFalse())
            .and(
                sensitive
                    ? org.jooq.impl.DSL.trueCondition()
                    : CANDIDATE_CRITERION.CRITERION.notIn(
                        java.util.Arrays.stream(PriorityCriterion.values())
                            .filter(PriorityCriterion::sensitive)
                            .map(Enum::name)
                            .toList()))
            .orderBy(CANDIDATE_CRITERION.CRITERION)
            .fetch()
            .stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getCandidateId(),
                    Collectors.mapping(
                        r ->
                            r.getCriterion()
                                + ":"
                                + Cells.format(r.getSince())
                                + ":"
                                + (Boolean.TRUE.equals(r.getProofSeen())
                                    ? Cells.format(r.getProofSeenOn())
                                    : ""),
                        Collectors.joining(" | "))));
    Map<UUID, boolean[]> consent = new HashMap<>();
    dsl.selectFrom(CANDIDATE_CONSENT)
        .where(InLists.in(CANDIDATE_CONSENT.ID, ids))
        .and(CANDIDATE_CONSENT.DELETED.isFalse())
        .forEach(
            r ->
                consent.put(
                    r.getId(),
                    new boolean[] {
                      Boolean.TRUE.equals(r.getShare()), Boolean.TRUE.equals(r.getSensitive())
                    }));
    for (CandidateRecord c : batch) {
      boolean[] k = consent.getOrDefault(c.getId(), new boolean[2]);
      List<Object> row = new ArrayList<>(CandidateColumns.ALL.size());
      row.add(c.getId().toString());
      row.add(nz(c.getLastName()));
      row.add(nz(c.getFirstName()));
      row.add(c.getBirthDate());
      row.add(Civility.parse(c.getCivility()).map(Civility::words).orElse(""));
      row.add(nz(c.getFtIdentifier()));
      row.add(nz(c.getEmail()));
      row.add(nz(c.getPhone()));
      row.add(nz(c.getAddress()));
      row.add(nz(c.getCommuneCode()));
      row.add(c.getCommuneCode() == null ? "" : ref.communeLabel(c.getCommuneCode()));
      row.add(c.getMobilityKm());
      row.add(c.getDrivingLicence());
      row.add(c.getAvailableFrom());
      row.add(nz(c.getStatus()));
      row.add(c.getRegisteredOn());
      row.add(occ.getOrDefault(c.getId(), ""));
      row.add(crit.getOrDefault(c.getId(), ""));
      row.add(k[0]);
      row.add(k[1]);
      row.add(nz(c.getNotes()));
      out.write(row);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
