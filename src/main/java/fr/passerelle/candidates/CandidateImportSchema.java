package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateColumns.*;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;

import fr.passerelle.db.InLists;
import fr.passerelle.tabular.Cells;
import fr.passerelle.tabular.FileColumns;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.ImportSchema;
import fr.passerelle.tabular.RowErrors;
import fr.passerelle.tabular.TabularRow;
import fr.passerelle.tabular.Wording;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Candidates from a file: a row with an {@code id} updates that candidate (only the columns present
 * in the file change), a row without creates one. Each row is validated as the form validates, and
 * checked for duplicates of existing candidates.
 */
final class CandidateImportSchema implements ImportSchema<CandidateDetail> {
  private final CandidateService service;
  private final CandidateStore store;
  private final ReferenceLookup ref;
  private final LocalDate today;
  private final OffsetDateTime now;

  CandidateImportSchema(CandidateService service) {
    this.service = service;
    this.store = service.store();
    this.ref = service.reference();
    this.now = service.now();
    this.today = now.toLocalDate();
  }

  @Override
  public FileColumns fileColumns() {
    return CandidateColumns.FILE;
  }

  @Override
  public List<CandidateDetail> prepare(
      DSLContext ctx,
      List<TabularRow> rows,
      Map<String, Integer> columns,
      RowErrors errors,
      boolean firstPass) {
    List<Cells> cells = rows.stream().map(r -> new Cells(r, columns, errors)).toList();
    Map<UUID, CandidateDetail> existing = existing(ctx, cells);
    List<CandidateDetail> out = new ArrayList<>(rows.size());
    CandidateValidator validator = new CandidateValidator(ref);
    for (Cells c : cells) {
      CandidateDetail d = CandidateRowReader.read(c, existing, ref);
      if (d != null) {
        for (FieldError e : validator.validate(d, today)) {
          c.error(
              column(e.field()),
              e.message(),
              Wording.of("candidates.field.error." + e.code().name()));
        }
        consentRule(ctx, c, d, d.id() == null ? null : existing.get(d.id()));
      }
      out.add(c.failed() ? null : d);
    }
    if (firstPass) {
      List<CandidateDetail> valid = out.stream().filter(java.util.Objects::nonNull).toList();
      List<List<Duplicate>> dups =
          new DuplicateFinder(ref, service.searchService()).findBatch(ctx, valid);
      int v = 0;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) == null) {
          continue;
        }
        List<Duplicate> d = dups.get(v++);
        if (!d.isEmpty()) {
          Duplicate first = d.get(0);
          cells
              .get(i)
              .error(
                  switch (first.reason()) {
                    case EMAIL -> EMAIL;
                    case PHONE -> PHONE;
                    case NAME_AND_BIRTH_DATE -> LAST_NAME;
                  },
                  "duplicate of "
                      + first.existing().displayName()
                      + " (id "
                      + first.existing().id()
                      + ", same "
                      + reason(first.reason())
                      + "): put this id in the id column to update that candidate, or merge them",
                  Wording.of(
                      "import.error.candidates.duplicate." + first.reason().name(),
                      first.existing().displayName(),
                      first.existing().id()));
          out.set(i, null);
        }
      }
    }
    return out;
  }

  /**
   * A changed consent is recorded only by the organisation that follows the person: the row is
   * refused here, with the writer's reason, before anything is written (ADR 0085).
   */
  private void consentRule(DSLContext ctx, Cells c, CandidateDetail d, CandidateDetail before) {
    if (before == null) {
      return;
    }
    boolean share = before.consent().share() != d.consent().share();
    boolean sensitive = before.consent().sensitiveAgreed() != d.consent().sensitiveAgreed();
    if (share || sensitive) {
      store
          .writer()
          .refusal(ctx, CANDIDATE_CONSENT, d.id(), false)
          .ifPresent(
              e ->
                  c.error(
                      share ? CONSENT_SHARE : CONSENT_SENSITIVE,
                      e.getMessage(),
                      e.key().map(k -> Wording.of(k, e.args())).orElse(null)));
    }
  }

  private static String reason(Duplicate.Reason r) {
    return switch (r) {
      case EMAIL -> "e-mail";
      case PHONE -> "phone";
      case NAME_AND_BIRTH_DATE -> "name and birth date";
    };
  }

  private static String column(String field) {
    return ALL.contains(field) ? field : "";
  }

  private Map<UUID, CandidateDetail> existing(DSLContext ctx, List<Cells> cells) {
    List<UUID> ids = new ArrayList<>();
    for (Cells c : cells) {
      String t = c.text(ID);
      if (!t.isEmpty()) {
        try {
          ids.add(UUID.fromString(t));
        } catch (IllegalArgumentException e) {
          // reported by the row reader
        }
      }
    }
    Map<UUID, CandidateDetail> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (UUID id :
        ctx.select(CANDIDATE.ID)
            .from(CANDIDATE)
            .where(InLists.in(CANDIDATE.ID, ids))
            .and(CANDIDATE.DELETED.isFalse())
            .fetch(CANDIDATE.ID)) {
      service.find(ctx, id).ifPresent(d -> out.put(id, d));
    }
    return out;
  }

  @Override
  public void write(DSLContext tx, List<CandidateDetail> rows, ImportReport report) {
    List<CandidateDetail> fresh = new ArrayList<>();
    UUID office = CandidateService.currentOffice(tx);
    boolean sensitiveAllowed =
        service.access().has(fr.passerelle.security.Permission.SENSITIVE_READ);
    for (CandidateDetail d : rows) {
      if (d.id() == null && d.hasSensitiveData() && !sensitiveAllowed) {
        throw new fr.passerelle.core.InvalidInputException(
            "The file gives sensitive criteria (RQTH, AAH), which this account may not record"
                + " (permission SENSITIVE_READ): nothing was imported.");
      }
      if (d.id() == null) {
        fresh.add(d.withOffice(office));
      } else {
        store.save(tx, d, null, now, true);
        report.updated(1);
      }
    }
    store.insertNew(tx, fresh, now);
    report.created(fresh.size());
  }
}
