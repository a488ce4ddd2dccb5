package fr.passerelle.offers.io;

import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.offers.io.OfferColumns.*;

import fr.passerelle.candidates.ReferenceLookup;
import fr.passerelle.db.InLists;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.EmployerRecord;
import fr.passerelle.db.jooq.tables.records.JobOfferRecord;
import fr.passerelle.tabular.Cells;
import fr.passerelle.tabular.FileColumns;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.ImportSchema;
import fr.passerelle.tabular.RowErrors;
import fr.passerelle.tabular.TabularRow;
import fr.passerelle.tabular.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/** Offers from a file: a row with an {@code id} updates that offer, one without creates it. */
final class OfferImportSchema implements ImportSchema<OfferImportSchema.Row> {
  /** A valid row: the offer to store and its employer by name/SIRET. */
  record Row(JobOfferRecord offer, String employerName, String siret, boolean update) {}

  private final ReferenceLookup ref;
  private final ReplicatedWriter writer;
  private final LocalDate today;
  private final UUID office;

  OfferImportSchema(ReferenceLookup ref, ReplicatedWriter writer, LocalDate today, UUID office) {
    this.ref = ref;
    this.writer = writer;
    this.today = today;
    this.office = office;
  }

  @Override
  public FileColumns fileColumns() {
    return OfferColumns.FILE;
  }

  @Override
  public List<Row> prepare(
      DSLContext ctx,
      List<TabularRow> rows,
      Map<String, Integer> columns,
      RowErrors errors,
      boolean firstPass) {
    List<Cells> cells = rows.stream().map(r -> new Cells(r, columns, errors)).toList();
    Map<UUID, JobOfferRecord> existing = existing(ctx, cells);
    List<Row> out = new ArrayList<>();
    for (Cells c : cells) {
      Row r = read(ctx, c, existing);
      out.add(c.failed() ? null : r);
    }
    return out;
  }

  private Row read(DSLContext ctx, Cells c, Map<UUID, JobOfferRecord> existing) {
    JobOfferRecord o;
    boolean update = !c.text(ID).isEmpty();
    if (update) {
      UUID id;
      try {
        id = UUID.fromString(c.text(ID));
      } catch (IllegalArgumentException e) {
        c.error(
            ID,
            "\"" + c.text(ID) + "\" is not an offer id",
            Wording.of("import.error.offers.badId", c.text(ID)));
        return null;
      }
      o = existing.get(id);
      if (o == null) {
        c.error(
            ID,
            "no offer with id " + id + " in this database",
            Wording.of("import.error.offers.noSuchId", id));
        return null;
      }
    } else {
      o = ctx.newRecord(JOB_OFFER);
      o.setOfficeId(office);
      if (!c.has(TITLE) || !c.has(ROME_CODE)) {
        c.error(
            TITLE,
            "a new offer needs the columns title and rome_code",
            Wording.of("import.error.offers.columnsNeeded"));
        return null;
      }
    }
    if (c.has(TITLE)) {
      if (c.text(TITLE).isEmpty()) {
        c.error(TITLE, "the title is required", Wording.of("import.error.offers.titleRequired"));
      }
      o.setTitle(c.text(TITLE));
    }
    if (c.has(ROME_CODE)) {
      var occ = ref.occupation(c.text(ROME_CODE));
      if (occ.isEmpty()) {
        c.error(
            ROME_CODE,
            "unknown ROME code \"" + c.text(ROME_CODE) + "\"",
            Wording.of("import.error.offers.rome", c.text(ROME_CODE)));
      } else {
        o.setRomeCode(occ.get().romeCode());
      }
    }
    if (c.has(COMMUNE)) {
      String t = c.text(COMMUNE);
      if (t.isEmpty()) {
        o.setCommuneCode(null);
      } else {
        fr.passerelle.candidates.CommuneCells.read(ref, c, COMMUNE, t, "import.error.offers.")
            .ifPresent(o::setCommuneCode);
      }
    }
    o.setContract(code(c, CONTRACT, CONTRACTS, o.getContract()));
    o.setSource(code(c, SOURCE, SOURCES, o.getSource()));
    o.setHardToFillOverride(code(c, HARD_TO_FILL, OVERRIDES, o.getHardToFillOverride()));
    if (c.has(POSITIONS)) {
      Integer p = c.integer(POSITIONS);
      if (p != null && p < 1) {
        c.error(
            POSITIONS, "positions must be at least 1", Wording.of("import.error.offers.positions"));
      }
      o.setPositions(p);
    }
    if (c.has(OPENED_ON)) {
      o.setOpenedOn(c.date(OPENED_ON));
    }
    if (c.has(CLOSED_ON)) {
      o.setClosedOn(c.date(CLOSED_ON));
    }
    if (o.getOpenedOn() != null && o.getOpenedOn().isAfter(today.plusYears(1))) {
      c.error(
          OPENED_ON,
          "opening date " + o.getOpenedOn() + " is more than a year ahead",
          Wording.of("import.error.offers.openedAhead", DAY.format(o.getOpenedOn())));
    }
    if (o.getOpenedOn() != null
        && o.getClosedOn() != null
        && o.getClosedOn().isBefore(o.getOpenedOn())) {
      c.error(
          CLOSED_ON,
          "closed on " + o.getClosedOn() + ", before it opened (" + o.getOpenedOn() + ")",
          Wording.of(
              "import.error.offers.closedBefore",
              DAY.format(o.getClosedOn()),
              DAY.format(o.getOpenedOn())));
    }
    if (c.has(DESCRIPTION)) {
      o.setDescription(c.text(DESCRIPTION));
    }
    String siret = c.text(EMPLOYER_SIRET).replace(" ", "");
    if (!siret.isEmpty() && !siret.matches("\\d{14}")) {
      c.error(EMPLOYER_SIRET, "a SIRET has 14 digits", Wording.of("import.error.offers.siret"));
    }
    return new Row(o, c.text(EMPLOYER_NAME), siret, update);
  }

  /** The French words a file may hold for a code. */
  private static final Map<String, String> WORDS =
      Map.of(
          "OUI", "YES",
          "NON", "NO",
          "AGENCE_D_INTERIM", "TEMP_AGENCY",
          "AGENCE_INTERIM", "TEMP_AGENCY");

  private static final java.time.format.DateTimeFormatter DAY = fr.passerelle.core.DateFormats.DAY;

  private static String code(Cells c, String column, Set<String> allowed, String fallback) {
    if (!c.has(column)) {
      return fallback;
    }
    // the codes, or the words of the French window: "intérim", "CDI intérimaire", "oui", "non",
    // "agence d'intérim" (accents and case ignored)
    String t =
        java.text.Normalizer.normalize(c.text(column), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            .replace(' ', '_')
            .replace('-', '_')
            .replace('\'', '_');
    t = WORDS.getOrDefault(t, t);
    if (t.isEmpty()) {
      return null;
    }
    if (!allowed.contains(t)) {
      c.error(
          column,
          "\"" + c.text(column) + "\" is not one of " + allowed,
          Wording.of("import.error.offers." + column, c.text(column)));
      return fallback;
    }
    return t;
  }

  private static Map<UUID, JobOfferRecord> existing(DSLContext ctx, List<Cells> cells) {
    List<UUID> ids = new ArrayList<>();
    for (Cells c : cells) {
      try {
        if (!c.text(ID).isEmpty()) {
          ids.add(UUID.fromString(c.text(ID)));
        }
      } catch (IllegalArgumentException e) {
        // reported per row
      }
    }
    Map<UUID, JobOfferRecord> out = new HashMap<>();
    if (!ids.isEmpty()) {
      ctx.selectFrom(JOB_OFFER)
          .where(InLists.in(JOB_OFFER.ID, ids))
          .and(JOB_OFFER.DELETED.isFalse())
          .forEach(r -> out.put(r.getId(), r));
    }
    return out;
  }

  @Override
  public void write(DSLContext tx, List<Row> rows, ImportReport report) {
    Map<String, UUID> employers = new HashMap<>();
    for (Row r : rows) {
      if (!r.employerName().isEmpty() || !r.siret().isEmpty()) {
        r.offer().setEmployerId(employer(tx, r.employerName(), r.siret(), employers));
      }
      if (r.update()) {
        writer.update(tx, r.offer());
        report.updated(1);
      } else {
        writer.insert(tx, r.offer());
        report.created(1);
      }
    }
  }

  private UUID employer(DSLContext tx, String name, String siret, Map<String, UUID> cache) {
    String key = siret.isEmpty() ? "n:" + name.toLowerCase(Locale.ROOT) : "s:" + siret;
    return cache.computeIfAbsent(
        key,
        k -> {
          var cond =
              siret.isEmpty() ? EMPLOYER.NAME.equalIgnoreCase(name) : EMPLOYER.SIRET.eq(siret);
          UUID found =
              tx.select(EMPLOYER.ID)
                  .from(EMPLOYER)
                  .where(cond)
                  .and(EMPLOYER.DELETED.isFalse())
                  .limit(1)
                  .fetchOne(EMPLOYER.ID);
          if (found != null) {
            return found;
          }
          EmployerRecord e = tx.newRecord(EMPLOYER);
          e.setName(name.isEmpty() ? siret : name);
          e.setSiret(siret.isEmpty() ? null : siret);
          writer.insert(tx, e);
          return e.getId();
        });
  }
}
