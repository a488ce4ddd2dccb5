package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.OCCUPATION_TENSION;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.OccupationTensionRecord;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeService;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The office's own "occupation in tension" flags (replicated table {@code occupation_tension}, one
 * row per office and ROME code, id derived from both so that re-flagging updates the same row).
 */
public final class TensionService {
  private final Database db;
  private final ReplicatedWriter writer;
  private final OfficeService offices;
  private final Access access;

  public TensionService(
      Database db, ReplicatedWriter writer, OfficeService offices, Access access) {
    this.access = access;
    this.db = db;
    this.writer = writer;
    this.offices = offices;
  }

  static UUID rowId(UUID officeId, String romeCode) {
    return UUID.nameUUIDFromBytes(
        ("occupation_tension|" + officeId + "|" + romeCode).getBytes(StandardCharsets.UTF_8));
  }

  /** Marks (or unmarks) an occupation as in tension for this office; one transaction. */
  public void set(String romeCode, boolean inTension, String note) {
    access.require(Permission.OFFERS_WRITE);
    Office office =
        offices
            .current()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "error.noOffice", "This installation has no office yet."));
    UUID id = rowId(office.id(), romeCode);
    db.dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              OccupationTensionRecord r =
                  tx.selectFrom(OCCUPATION_TENSION).where(OCCUPATION_TENSION.ID.eq(id)).fetchOne();
              boolean isNew = r == null;
              if (isNew) {
                r = tx.newRecord(OCCUPATION_TENSION);
                r.setId(id);
              }
              r.setOfficeId(office.id());
              r.setRomeCode(romeCode);
              r.setInTension(inTension);
              r.setNote(note == null || note.isBlank() ? null : note.trim());
              if (isNew) {
                writer.insert(tx, r);
              } else {
                writer.update(tx, r);
              }
            });
  }

  /** ROME codes this office marked in tension, with the office's note (may be null). */
  public Map<String, String> inTension() {
    access.require(Permission.OFFERS_READ);
    return marks();
  }

  /** {@link #inTension} without the permission check (the caller checked its own). */
  Map<String, String> marks() {
    Map<String, String> out = new HashMap<>();
    offices
        .current()
        .ifPresent(
            office ->
                db.dsl()
                    .select(OCCUPATION_TENSION.ROME_CODE, OCCUPATION_TENSION.NOTE)
                    .from(OCCUPATION_TENSION)
                    .where(OCCUPATION_TENSION.DELETED.isFalse())
                    .and(OCCUPATION_TENSION.IN_TENSION.isTrue())
                    .and(OCCUPATION_TENSION.OFFICE_ID.eq(office.id()))
                    .forEach(r -> out.put(r.value1(), r.value2())));
    return out;
  }
}
