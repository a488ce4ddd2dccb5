package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.*;
import static fr.passerelle.db.jooq.Tables.SYNC_CONFLICT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.VersionStore;
import fr.passerelle.db.VersionVector;
import fr.passerelle.db.jooq.tables.records.SyncConflictRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Applies the rows of a verified payload inside the import's transaction, in batches of one table:
 * checks each version (columns, sync columns, our own dots), screens the batch (what a partner may
 * change, who may record a consent: refused rows are quarantined, the rest goes on), stores it
 * through {@link VersionStore}, keeps losing versions as conflicts and notes the persons touched
 * for the consent rule applied at the end.
 */
final class RowApplier {
  static final int BATCH = 1000;

  /** Withdrawal wins over a concurrent grant; then the latest (HLC, replica). */
  static final VersionStore.WinnerRule CONSENT_RULE =
      (a, b) -> {
        int pa = permission(a);
        int pb = permission(b);
        return pa != pb ? pa < pb : VersionStore.LATEST.wins(a, b);
      };

  /** Where the rows come from, and who receives them. */
  record Source(
      String fileName,
      UUID peer,
      String office,
      String organisation,
      boolean sameOrg,
      String own,
      OffsetDateTime at) {}

  private final DSLContext tx;
  private final VersionStore store;
  private final ReplicatedWriter writer;
  private final SyncImportReport report;
  private final Progress progress;
  private final Source source;
  private final String fileName;
  private final boolean sameOrg;
  private final UUID me;
  private final long mySeq;
  private final Map<UUID, Optional<String>> orgCache = new HashMap<>();
  private final PartnerRules partnerRules;
  private final Ownership ownership;

  private Table<?> table;
  private Field<?>[] columns;
  private final List<Record> batch = new ArrayList<>();
  private final Set<UUID> batchIds = new HashSet<>();
  private long maxHlc;
  private UUID maxHlcReplica;
  private long rows;
  private long read;
  private long skip;
  private long touchAllUntil;
  private boolean dryRun;
  private Runnable afterBatch = () -> {};

  RowApplier(
      DSLContext tx,
      VersionStore store,
      ReplicatedWriter writer,
      SyncImportReport report,
      Progress progress,
      Source source) {
    this.tx = tx;
    this.store = store;
    this.writer = writer;
    this.report = report;
    this.progress = progress;
    this.source = source;
    this.fileName = source.fileName();
    this.sameOrg = source.sameOrg();
    var replica = ReplicatedWriter.currentReplica(tx);
    this.me = replica.getId();
    this.mySeq = replica.getSeq();
    this.partnerRules =
        new PartnerRules(tx, source.own(), source.organisation(), this::organisationOf);
    this.ownership = new Ownership(tx, source.own(), this::organisationOf);
  }

  private Optional<String> organisationOf(UUID replica) {
    return orgCache.computeIfAbsent(replica, d -> Directory.organisationOf(tx, d));
  }

  long maxHlc() {
    return maxHlc;
  }

  UUID maxHlcReplica() {
    return maxHlcReplica;
  }

  long rows() {
    return rows;
  }

  /** Checks every row as an import would, and stores none (ADR 0080: before a chunked import). */
  RowApplier dryRun() {
    this.dryRun = true;
    return this;
  }

  /**
   * Goes on with an import a crash interrupted: the first {@code from} rows of the payload are
   * stored already (read again, not stored again). The rows up to {@code touchAllUntil} were in the
   * chunk whose commit the crash may have cut: stored again, and their persons noted even where the
   * stored version is already theirs (ADR 0080).
   */
  RowApplier resume(long from, long touchAllUntil, long maxHlc, UUID maxHlcReplica) {
    this.skip = from;
    this.rows = from;
    this.touchAllUntil = touchAllUntil;
    this.maxHlc = maxHlc;
    this.maxHlcReplica = maxHlcReplica;
    return this;
  }

  /** Runs after each batch is stored: every row read so far is then stored (chunk commits). */
  RowApplier afterEachBatch(Runnable r) {
    this.afterBatch = r;
    return this;
  }

  void run(InputStream ndjson, Map<String, Long> expected) throws IOException {
    Map<String, Long> seen = new HashMap<>();
    try (MappingIterator<JsonNode> it =
        SyncFileReader.JSON.readerFor(JsonNode.class).readValues(ndjson)) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        long line = it.getCurrentLocation().getLineNr();
        if (n.isObject()) {
          flush();
          header(n, line);
        } else if (n.isArray() && table != null) {
          row((com.fasterxml.jackson.databind.node.ArrayNode) n, line);
          seen.merge(table.getName(), 1L, Long::sum);
        } else {
          throw bad(line, "unexpected content");
        }
      }
    }
    flush();
    if (!seen.equals(expected)) {
      throw new SyncRefusedException(
              fileName
                  + ": the file does not hold the rows its manifest announces: nothing was"
                  + " imported.")
          .keyed("sync.refused.damaged", fileName);
    }
  }

  private SyncRefusedException bad(long line, String why) {
    return (SyncRefusedException)
        new SyncRefusedException(
                fileName
                    + ", payload line "
                    + line
                    + (table == null ? "" : ", table " + table.getName().toLowerCase())
                    + ": "
                    + why
                    + ". Nothing was imported.")
            .keyed("sync.refused.damaged", fileName);
  }

  private void header(JsonNode n, long line) {
    String name = n.path("table").asText();
    table = ReplicatedTables.byName(name).orElseThrow(() -> bad(line, "unknown table " + name));
    if (!sameOrg && ReplicatedTables.isOrganisationOnly(table)) {
      throw new SyncRefusedException(
              fileName
                  + ": the file from "
                  + source.organisation()
                  + " carries "
                  + table.getName().toLowerCase()
                  + " rows, which never leave an organisation (audit trail). Nothing was imported;"
                  + " tell the sending office.")
          .keyed("sync.refused.organisationOnly", fileName, source.organisation());
    }
    JsonNode cols = n.path("columns");
    columns = new Field<?>[cols.size()];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < cols.size(); i++) {
      String c = cols.get(i).asText();
      Field<?> f = table.field(c);
      if (f == null || c.equalsIgnoreCase(CHANGE_SEQ.getName()) || !names.add(c)) {
        throw bad(line, "unknown or repeated column " + c);
      }
      columns[i] = f;
    }
    for (Field<?> sync : List.of(ID, DOT_REPLICA, DOT_SEQ, VV, HLC, DELETED)) {
      if (!names.contains(sync.getName())) {
        throw bad(line, "column " + sync.getName().toLowerCase() + " is missing");
      }
    }
  }

  private void row(com.fasterxml.jackson.databind.node.ArrayNode a, long line) {
    if (a.size() != columns.length) {
      throw bad(line, "expected " + columns.length + " values, found " + a.size());
    }
    Record r = tx.newRecord(table);
    for (int i = 0; i < columns.length; i++) {
      try {
        set(r, columns[i], RowCodec.read(columns[i], a.get(i)));
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw bad(line, "field " + columns[i].getName().toLowerCase() + ": " + e.getMessage());
      }
    }
    UUID id = r.get(col(table, ID));
    UUID dot = r.get(col(table, DOT_REPLICA));
    Long seq = r.get(col(table, DOT_SEQ));
    Long hlc = r.get(col(table, HLC));
    Boolean deleted = r.get(col(table, DELETED));
    if (id == null || dot == null || seq == null || hlc == null || deleted == null) {
      throw bad(line, "a sync column is empty");
    }
    VersionVector vv;
    try {
      vv = VersionVector.parse(r.get(col(table, VV)));
    } catch (RuntimeException e) {
      throw bad(line, "field vv: malformed version vector");
    }
    if (seq < 1 || vv.get(dot) < seq) {
      throw bad(line, "the version vector does not include the row's own write");
    }
    if (vv.get(me) > mySeq) {
      throw new SyncRefusedException(
              fileName
                  + ": integrity error: the file carries a write of this installation ("
                  + me
                  + ", number "
                  + vv.get(me)
                  + ") that this installation never made (its counter is at "
                  + mySeq
                  + "). Two installations share one replica id — probably a copied data folder."
                  + " Nothing was imported: restore this installation from a backup ('restore' gives"
                  + " it a new replica id) and tell the administrator.")
          .keyed("sync.refused.copiedFolder", fileName);
    }
    if (deleted && ReplicatedTables.isOrganisationOnly(table)) {
      throw bad(line, "an audit entry cannot be deleted");
    }
    if (deleted) {
      for (Field<?> f : table.fields()) {
        if (!isKeptByTombstone(f)) {
          set(r, f, null);
        }
      }
    }
    if (read++ < skip) {
      return; // stored before the import was interrupted
    }
    if (hlc > maxHlc) {
      maxHlc = hlc;
      maxHlcReplica = dot;
    }
    if (!batchIds.add(id)) {
      batchIds.remove(id);
      flush();
      batchIds.add(id);
    }
    batch.add(r);
    rows++;
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    if (progress.isCancelled()) {
      throw new CancelledException();
    }
    if (dryRun) {
      // checked row by row already; what the screen would quarantine is stored in the real pass
      batch.clear();
      batchIds.clear();
      progress.update(rows, -1, table.getName().toLowerCase());
      return;
    }
    boolean consent = PersonData.isConsent(table);
    SyncImportReport.TableCounts c = report.table(table.getName());
    List<Record> accepted = screen(consent, c);
    if (accepted.isEmpty()) {
      batch.clear();
      batchIds.clear();
      return;
    }
    VersionStore.Outcome o =
        store.apply(tx, table, accepted, consent ? CONSENT_RULE : VersionStore.LATEST);
    c.added += o.added();
    c.updated += o.updated();
    c.deleted += o.deleted();
    c.skipped += o.skipped();
    if (!table.getName().equalsIgnoreCase(SYNC_CONFLICT.getName())) {
      for (VersionStore.Merge m : o.conflicts()) {
        c.conflicts++;
        report.conflict(keepLoser(m));
      }
    }
    List<Record> touchedRows = rows - batch.size() < touchAllUntil ? accepted : o.written();
    if (!touchedRows.isEmpty() && (consent || PersonData.isAboutPerson(table))) {
      touched(touchedRows, consent);
    }
    batch.clear();
    batchIds.clear();
    progress.update(rows, -1, table.getName().toLowerCase());
    afterBatch.run();
  }

  /**
   * Notes the persons these stored rows are about, for the consent rule (in the same transaction as
   * the rows: ADR 0080).
   */
  private void touched(List<Record> written, boolean consent) {
    Field<UUID> column = consent ? col(table, ID) : PersonData.personColumn(table);
    if (column == null) { // the person is in another table
      Field<UUID> person = PersonData.person(table);
      List<UUID> ids = written.stream().map(r -> r.get(col(table, ID))).toList();
      var persons =
          DSL.selectDistinct(person)
              .from(table)
              .where(VersionStore.idIn(col(table, ID), ids))
              .and(person.isNotNull());
      TouchedPersons.add(tx, persons);
      return;
    }
    Field<?> f = table.field(column.getName());
    Set<UUID> persons = new TreeSet<>(); // in key order: neighbouring index pages
    for (Record r : written) {
      if (r.get(f) instanceof UUID p) {
        persons.add(p);
      }
    }
    TouchedPersons.add(tx, persons);
  }

  /**
   * The versions of the batch that may be stored: from a partner organisation, what {@link
   * PartnerRules} accepts; from our own organisation, everything but a consent recorded outside the
   * organisation holding the person (ADR 0063). The others are quarantined with their reason (ADR
   * 0085) or, for a deletion of a row never held here, dropped; the rest of the file goes on. A
   * version holding a control character is quarantined too, whoever sent it (ADR 0156).
   */
  private List<Record> screen(boolean consent, SyncImportReport.TableCounts c) {
    List<PartnerRules.Decision> decisions;
    if (!sameOrg) {
      decisions = partnerRules.decide(table, batch);
    } else if (consent) {
      decisions = consentAuthors();
    } else {
      decisions = null;
    }
    List<Record> accepted = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      PartnerRules.Decision d = decisions == null ? PartnerRules.Decision.ACCEPT : decisions.get(i);
      if (d.accepted()) {
        d = ControlCharacterScreen.decide(table, columns, batch.get(i));
      }
      if (d.accepted()) {
        accepted.add(batch.get(i));
      } else if (d.skip()) {
        c.skipped++;
        c.dropped++;
      } else {
        c.quarantined++;
        quarantine(batch.get(i), d);
      }
    }
    return accepted;
  }

  /** Within the organisation: a consent must be authored where the person is held. */
  private List<PartnerRules.Decision> consentAuthors() {
    Map<UUID, Ownership.Holder> holders =
        ownership.of(batch.stream().map(r -> r.get(col(table, ID))).toList());
    List<PartnerRules.Decision> out = new ArrayList<>(batch.size());
    for (Record r : batch) {
      UUID id = r.get(col(table, ID));
      Optional<String> author = organisationOf(r.get(col(table, DOT_REPLICA)));
      Ownership.Holder h = holders.get(id);
      out.add(
          author.isEmpty() || h == null || h.organisation().equals(author.get())
              ? PartnerRules.Decision.ACCEPT
              : PartnerRules.Decision.refuse(Refusal.CONSENT, h.organisation(), id));
    }
    return out;
  }

  private void quarantine(Record r, PartnerRules.Decision d) {
    UUID id = r.get(col(table, ID));
    String tableName = table.getName().toLowerCase();
    UUID person = d.person() != null ? d.person() : PersonData.isConsent(table) ? id : null;
    String message =
        "row "
            + id
            + " of "
            + tableName
            + " from "
            + source.office()
            + " ("
            + source.organisation()
            + ") was refused: "
            + d.refusal().english(source.organisation(), d.holder());
    Quarantine.Entry e =
        new Quarantine.Entry(
            source.at(),
            fileName,
            source.office(),
            source.organisation(),
            tableName,
            id,
            person,
            null,
            Boolean.TRUE.equals(r.get(col(table, DELETED))),
            d.refusal(),
            d.holder(),
            message);
    Quarantine.add(
        tx, e, source.peer(), r.get(col(table, DOT_REPLICA)), r.get(col(table, DOT_SEQ)));
    report.quarantined(e);
  }

  private UUID keepLoser(VersionStore.Merge m) {
    Table<?> t = m.table();
    Record loser = m.loser();
    UUID rowId = loser.get(col(t, ID));
    UUID loserReplica = loser.get(col(t, DOT_REPLICA));
    long loserSeq = loser.get(col(t, DOT_SEQ));
    UUID id =
        UUID.nameUUIDFromBytes(
            (t.getName() + "/" + rowId + "/" + loserReplica + "/" + loserSeq)
                .getBytes(StandardCharsets.UTF_8));
    if (tx.fetchExists(SYNC_CONFLICT, SYNC_CONFLICT.ID.eq(id))) {
      return id;
    }
    SyncConflictRecord c = tx.newRecord(SYNC_CONFLICT);
    c.setId(id);
    c.setTableName(t.getName());
    c.setRowId(rowId);
    c.setLoserReplica(loserReplica);
    c.setLoserSeq(loserSeq);
    c.setLoserHlc(loser.get(col(t, HLC)));
    c.setLoserRow(Conflicts.toJson(t, loser));
    c.setWinnerReplica(m.winner().get(col(t, DOT_REPLICA)));
    c.setWinnerSeq(m.winner().get(col(t, DOT_SEQ)));
    c.setStatus("OPEN");
    c.setPersonId(personOf(t, rowId, loser));
    writer.insert(tx, c);
    return id;
  }

  private UUID personOf(Table<?> t, UUID rowId, Record loser) {
    if (!PersonData.isAboutPerson(t)) {
      return null;
    }
    UUID p =
        tx.select(PersonData.person(t)).from(t).where(col(t, ID).eq(rowId)).fetchOne(0, UUID.class);
    if (p == null && t.field("CANDIDATE_ID") != null) {
      p = (UUID) loser.get(t.field("CANDIDATE_ID"));
    }
    return p;
  }

  private static int permission(Record r) {
    if (Boolean.TRUE.equals(r.get(DELETED)) || !Boolean.TRUE.equals(r.get("SHARE"))) {
      return 0;
    }
    return Boolean.TRUE.equals(r.get("SENSITIVE")) ? 2 : 1;
  }

  @SuppressWarnings("unchecked")
  private static void set(Record r, Field<?> f, Object v) {
    r.set((Field<Object>) f, v);
  }
}
