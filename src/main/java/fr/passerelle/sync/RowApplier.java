package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.*;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.SYNC_CONFLICT;
import static fr.passerelle.db.jooq.Tables.SYNC_DIRECTORY;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

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
import java.sql.PreparedStatement;
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
 * checks each version (columns, sync columns, our own dots, the author's organisation, who may
 * record consent), stores it through {@link VersionStore}, keeps losing versions as conflicts and
 * notes the persons touched for the consent rule applied at the end.
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

  private final DSLContext tx;
  private final VersionStore store;
  private final ReplicatedWriter writer;
  private final ImportReport report;
  private final Progress progress;
  private final String fileName;
  private final String senderOrg;
  private final boolean sameOrg;
  private final UUID me;
  private final long mySeq;
  private final Map<UUID, Optional<String>> orgCache = new HashMap<>();

  private Table<?> table;
  private Field<?>[] columns;
  private final List<Record> batch = new ArrayList<>();
  private final Set<UUID> batchIds = new HashSet<>();
  private long maxHlc;
  private UUID maxHlcReplica;
  private long rows;

  RowApplier(
      DSLContext tx,
      VersionStore store,
      ReplicatedWriter writer,
      ImportReport report,
      Progress progress,
      String fileName,
      String senderOrg,
      boolean sameOrg) {
    this.tx = tx;
    this.store = store;
    this.writer = writer;
    this.report = report;
    this.progress = progress;
    this.fileName = fileName;
    this.senderOrg = senderOrg;
    this.sameOrg = sameOrg;
    var replica = ReplicatedWriter.currentReplica(tx);
    this.me = replica.getId();
    this.mySeq = replica.getSeq();
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
              + ": the file does not hold the rows its manifest announces: nothing was imported.");
    }
  }

  private SyncRefusedException bad(long line, String why) {
    return new SyncRefusedException(
        fileName
            + ", payload line "
            + line
            + (table == null ? "" : ", table " + table.getName().toLowerCase())
            + ": "
            + why
            + ". Nothing was imported.");
  }

  private void header(JsonNode n, long line) {
    String name = n.path("table").asText();
    table = ReplicatedTables.byName(name).orElseThrow(() -> bad(line, "unknown table " + name));
    if (!sameOrg && ReplicatedTables.isOrganisationOnly(table)) {
      throw new SyncRefusedException(
          fileName
              + ": the file from "
              + senderOrg
              + " carries "
              + table.getName().toLowerCase()
              + " rows, which never leave an organisation (audit trail). Nothing was imported;"
              + " tell the sending office.");
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
              + " it a new replica id) and tell the administrator.");
    }
    if (!sameOrg) {
      Optional<String> author = orgCache.computeIfAbsent(dot, d -> Directory.organisationOf(tx, d));
      if (author.isEmpty() || !author.get().equals(senderOrg)) {
        throw new SyncRefusedException(
            fileName
                + ": the file from "
                + senderOrg
                + " carries an edit made by "
                + author.orElse("an unknown installation")
                + " (row "
                + id
                + " of "
                + table.getName().toLowerCase()
                + "): a partner may only send its own organisation's edits. Nothing was imported.");
      }
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
    boolean consent = PersonData.isConsent(table);
    if (consent) {
      checkConsentAuthors();
    }
    VersionStore.Outcome o =
        store.apply(tx, table, batch, consent ? CONSENT_RULE : VersionStore.LATEST);
    ImportReport.TableCounts c = report.table(table.getName());
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
    if (!o.written().isEmpty() && (consent || PersonData.isAboutPerson(table))) {
      touched(o.written(), consent);
    }
    batch.clear();
    batchIds.clear();
    progress.update(rows, -1, table.getName().toLowerCase());
  }

  /** Notes the persons these stored rows are about, for the consent rule and the search index. */
  private void touched(List<Record> written, boolean consent) {
    Field<UUID> column = consent ? col(table, ID) : PersonData.personColumn(table);
    if (column == null) { // the person is in another table
      Field<UUID> person = PersonData.person(table);
      List<UUID> ids = written.stream().map(r -> r.get(col(table, ID))).toList();
      tx.mergeInto(SYNC_TOUCHED_PERSON)
          .columns(SYNC_TOUCHED_PERSON.ID)
          .key(SYNC_TOUCHED_PERSON.ID)
          .select(
              DSL.selectDistinct(person)
                  .from(table)
                  .where(VersionStore.idIn(col(table, ID), ids))
                  .and(person.isNotNull()))
          .execute();
      return;
    }
    Field<?> f = table.field(column.getName());
    Set<UUID> persons = new TreeSet<>(); // in key order: neighbouring index pages
    for (Record r : written) {
      if (r.get(f) instanceof UUID p) {
        persons.add(p);
      }
    }
    tx.connection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("MERGE INTO SYNC_TOUCHED_PERSON KEY(ID) VALUES (?)")) {
            for (UUID p : persons) {
              ps.setObject(1, p);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  /** Only the organisation owning a person records its consent (ADR 0063). */
  private void checkConsentAuthors() {
    List<UUID> ids = batch.stream().map(r -> r.get(col(table, ID))).toList();
    var cc = CANDIDATE_CONSENT.as("cc");
    Map<UUID, String> storedOwner =
        tx.select(cc.ID, SYNC_DIRECTORY.ORGANISATION)
            .from(cc)
            .join(SYNC_DIRECTORY)
            .on(SYNC_DIRECTORY.REPLICA_ID.eq(cc.DOT_REPLICA))
            .where(VersionStore.idIn(cc.ID, ids))
            .fetchMap(cc.ID, SYNC_DIRECTORY.ORGANISATION);
    Map<UUID, String> candidateOwner =
        tx.select(CANDIDATE.ID, OFFICE.ORGANISATION)
            .from(CANDIDATE)
            .join(OFFICE)
            .on(OFFICE.ID.eq(CANDIDATE.OFFICE_ID))
            .where(VersionStore.idIn(CANDIDATE.ID, ids))
            .and(CANDIDATE.DELETED.isFalse())
            .fetchMap(CANDIDATE.ID, OFFICE.ORGANISATION);
    for (Record r : batch) {
      UUID id = r.get(col(table, ID));
      Optional<String> author =
          orgCache.computeIfAbsent(
              r.get(col(table, DOT_REPLICA)), d -> Directory.organisationOf(tx, d));
      if (author.isEmpty()) {
        continue;
      }
      String owner = storedOwner.getOrDefault(id, candidateOwner.get(id));
      if (owner != null && !owner.equals(author.get())) {
        throw new SyncRefusedException(
            fileName
                + ": the file carries a consent for the person "
                + id
                + " recorded by "
                + author.get()
                + ", but that person belongs to "
                + owner
                + ": only the organisation that follows a person records their consent. Nothing"
                + " was imported; tell the sending office.");
      }
    }
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
