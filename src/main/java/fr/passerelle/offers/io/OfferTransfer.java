package fr.passerelle.offers.io;

import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.candidates.ReferenceLookup;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.TabularImport;
import fr.passerelle.tabular.TabularWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;

/** Job offers to and from CSV (French Excel) and .xlsx files; an {@code id} column updates. */
public final class OfferTransfer {
  private final Database db;
  private final ReplicatedWriter writer;
  private final ReferenceLookup ref;
  private final Access access;

  public OfferTransfer(Database db, ReplicatedWriter writer, ReferenceLookup ref, Access access) {
    this.access = access;
    this.db = db;
    this.writer = writer;
    this.ref = ref;
  }

  public ImportReport importFile(Path file, ImportMode mode, LocalDate today, Progress progress) {
    access.require(Permission.OFFERS_WRITE);
    UUID office =
        db.dsl()
            .select(REPLICA.OFFICE_ID)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne(REPLICA.OFFICE_ID);
    ImportReport r =
        new TabularImport<>(new OfferImportSchema(ref, writer, today, office))
            .run(db.dsl(), file, mode, progress);
    if (r.applied()) {
      access
          .audit()
          .record(
              fr.passerelle.security.AuditAction.IMPORTED,
              null,
              file.toAbsolutePath().toString(),
              "OFFERS created " + r.created() + ", updated " + r.updated());
    }
    return r;
  }

  /** Writes every live offer, most recent first; returns the count. */
  public long exportFile(Path file, Progress progress) {
    access.require(Permission.DATA_EXPORT);
    int total = db.dsl().fetchCount(JOB_OFFER, JOB_OFFER.DELETED.isFalse());
    long done = 0;
    try (TabularWriter out = TabularWriter.open(file, "Offres", OfferColumns.FILE.header());
        var cur =
            db.dsl()
                .select(JOB_OFFER.asterisk(), EMPLOYER.NAME, EMPLOYER.SIRET)
                .from(JOB_OFFER)
                .leftJoin(EMPLOYER)
                .on(EMPLOYER.ID.eq(JOB_OFFER.EMPLOYER_ID))
                .where(JOB_OFFER.DELETED.isFalse())
                .orderBy(JOB_OFFER.OPENED_ON.desc().nullsLast(), JOB_OFFER.ID)
                .fetchSize(1000)
                .fetchLazy()) {
      for (Record r : cur) {
        List<Object> row = new ArrayList<>();
        row.add(r.get(JOB_OFFER.ID).toString());
        row.add(nz(r.get(JOB_OFFER.TITLE)));
        row.add(nz(r.get(EMPLOYER.NAME)));
        row.add(nz(r.get(EMPLOYER.SIRET)));
        row.add(nz(r.get(JOB_OFFER.ROME_CODE)));
        String commune = r.get(JOB_OFFER.COMMUNE_CODE);
        row.add(nz(commune));
        row.add(commune == null ? "" : ref.communeLabel(commune));
        row.add(nz(r.get(JOB_OFFER.CONTRACT)));
        row.add(r.get(JOB_OFFER.POSITIONS));
        row.add(r.get(JOB_OFFER.OPENED_ON));
        row.add(r.get(JOB_OFFER.CLOSED_ON));
        row.add(nz(r.get(JOB_OFFER.SOURCE)));
        row.add(nz(r.get(JOB_OFFER.HARD_TO_FILL_OVERRIDE)));
        row.add(nz(r.get(JOB_OFFER.DESCRIPTION)));
        out.write(row);
        if (++done % 1000 == 0) {
          progress.update(done, total, null);
          if (progress.isCancelled()) {
            throw new CancelledException();
          }
        }
      }
    }
    access
        .audit()
        .record(
            fr.passerelle.security.AuditAction.EXPORT,
            null,
            file.toAbsolutePath().toString(),
            "OFFERS " + done + " rows");
    return done;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
