package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.*;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.SYNC_CONFLICT;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.Hlc;
import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.db.jooq.tables.records.SyncConflictRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.io.IOException;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdatableRecord;

/**
 * Conflicts to review: a losing concurrent version kept as a replicated row. Resolving one is an
 * ordinary write (so every office of the organisation sees it resolved): keep the winner, restore
 * the loser, or take some of the loser's fields.
 */
public final class Conflicts {
  /**
   * Columns made from others, never chosen on their own: a candidate's search form of the name
   * ("lefevre helene") is made again from the name and first name a merge leaves.
   */
  public static final Set<String> DERIVED = Set.of("NAME_NORM");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;
  private final WallClock clock;
  private final ReplicatedWriter writer;
  private final Access access;

  /** An open conflict, with the current row and the losing version, field by field. */
  public record Conflict(
      UUID id,
      String table,
      UUID rowId,
      String loserOffice,
      OffsetDateTime loserTime,
      Map<String, String> current,
      Map<String, String> loser,
      String actionKey) {
    /**
     * Fields where both versions differ, but those derived from others ({@link #DERIVED}): they
     * follow the fields they are made of.
     */
    public List<String> differing() {
      List<String> d = new ArrayList<>();
      Set<String> keys = new java.util.LinkedHashSet<>(current.keySet());
      keys.addAll(loser.keySet());
      for (String k : keys) {
        if (!DERIVED.contains(k) && !java.util.Objects.equals(current.get(k), loser.get(k))) {
          d.add(k);
        }
      }
      return d;
    }
  }

  Conflicts(Database db, ReplicatedWriter writer, Access access, WallClock clock) {
    this.access = access;
    this.clock = clock;
    this.db = db;
    this.writer = writer;
  }

  /** The losing version's fields (sync columns aside; the tombstone flag kept) as JSON. */
  static String toJson(Table<?> t, Record r) {
    ObjectNode n = JSON.createObjectNode();
    for (Field<?> f : t.fields()) {
      if (isKeptByTombstone(f) && !f.getName().equalsIgnoreCase(DELETED.getName())) {
        continue;
      }
      Object v = r.get(f);
      if (v == null) {
        n.putNull(f.getName());
      } else if (v instanceof Boolean b) {
        n.put(f.getName(), b);
      } else if (v instanceof Integer || v instanceof Long) {
        n.put(f.getName(), ((Number) v).longValue());
      } else {
        n.put(f.getName(), v.toString());
      }
    }
    try (StringWriter w = new StringWriter()) {
      JSON.writeValue(w, n);
      return w.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public long openCount() {
    return db.dsl()
        .fetchCount(
            SYNC_CONFLICT, SYNC_CONFLICT.STATUS.eq("OPEN").and(SYNC_CONFLICT.DELETED.isFalse()));
  }

  /**
   * Open conflicts, the rows of one action together: conflicts whose losing versions were written
   * by the same office within the same second share an {@code actionKey}.
   */
  public List<Conflict> open(int limit) {
    access.require(Permission.SYNC_EXCHANGE);
    DSLContext ctx = db.dsl();
    List<Conflict> out = new ArrayList<>();
    for (SyncConflictRecord c :
        ctx.selectFrom(SYNC_CONFLICT)
            .where(SYNC_CONFLICT.STATUS.eq("OPEN"))
            .and(SYNC_CONFLICT.DELETED.isFalse())
            .orderBy(SYNC_CONFLICT.LOSER_REPLICA, SYNC_CONFLICT.LOSER_HLC)
            .limit(limit)
            .fetch()) {
      Table<?> t = ReplicatedTables.byName(c.getTableName()).orElse(null);
      if (t == null) {
        continue;
      }
      Record row = ctx.selectFrom(t).where(col(t, ID).eq(c.getRowId())).fetchOne();
      Map<String, String> current = row == null ? Map.of() : fields(t, row);
      Map<String, String> loser = new LinkedHashMap<>();
      try {
        JSON.readValue(c.getLoserRow(), new TypeReference<Map<String, Object>>() {})
            .forEach((k, v) -> loser.put(k, v == null ? null : v.toString()));
      } catch (IOException e) {
        continue;
      }
      long millis = Hlc.physicalMillis(c.getLoserHlc());
      String office =
          Directory.officeOf(ctx, c.getLoserReplica()).orElse(c.getLoserReplica().toString());
      out.add(
          new Conflict(
              c.getId(),
              c.getTableName().toLowerCase(),
              c.getRowId(),
              office,
              OffsetDateTime.ofInstant(
                  java.time.Instant.ofEpochMilli(millis), java.time.ZoneId.systemDefault()),
              current,
              loser,
              c.getLoserReplica() + "@" + (millis / 1000)));
    }
    return out;
  }

  private static Map<String, String> fields(Table<?> t, Record r) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Field<?> f : t.fields()) {
      if (isKeptByTombstone(f) && !f.getName().equalsIgnoreCase(DELETED.getName())) {
        continue;
      }
      Object v = r.get(f);
      m.put(f.getName(), v == null ? null : v.toString());
    }
    return m;
  }

  /** Keeps the current version of every row of these conflicts. */
  public void keep(Collection<UUID> conflicts) {
    access.require(Permission.SYNC_EXCHANGE);
    resolve(conflicts, "KEPT", null);
  }

  /** Restores the losing version of every row of these conflicts. */
  public void restore(Collection<UUID> conflicts) {
    access.require(Permission.SYNC_EXCHANGE);
    resolve(conflicts, "RESTORED", null);
  }

  /** Takes the named fields of the losing version into the current row. */
  public void mergeFields(UUID conflict, Collection<String> fields) {
    access.require(Permission.SYNC_EXCHANGE);
    if (fields.isEmpty()) {
      throw InvalidInputException.of(
          "sync.conflict.noField", "Choose at least one field to take from the other version.");
    }
    resolve(List.of(conflict), "MERGED", fields);
  }

  private void resolve(Collection<UUID> ids, String status, Collection<String> fields) {
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (UUID id : ids) {
                SyncConflictRecord c =
                    tx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(id)).fetchOne();
                if (c == null || !"OPEN".equals(c.getStatus())) {
                  continue;
                }
                if (!status.equals("KEPT")) {
                  apply(tx, c, fields);
                }
                c.setStatus(status);
                c.setResolvedAt(clock.offsetNow());
                writer.update(tx, c);
              }
            });
  }

  private void apply(DSLContext tx, SyncConflictRecord c, Collection<String> only)
      throws IOException {
    Table<?> t = ReplicatedTables.byName(c.getTableName()).orElseThrow();
    JsonNode loser = JSON.readTree(c.getLoserRow());
    boolean loserDeleted = loser.path(DELETED.getName()).asBoolean(false);
    Record row = tx.selectFrom(t).where(col(t, ID).eq(c.getRowId())).fetchOne();
    if (only == null && loserDeleted) {
      writer.delete(tx, t, c.getRowId());
      return;
    }
    if (row == null || !(row instanceof UpdatableRecord<?> u)) {
      return;
    }
    for (Field<?> f : t.fields()) {
      if (isKeptByTombstone(f) || (only != null && !only.contains(f.getName()))) {
        continue;
      }
      JsonNode v = loser.get(f.getName());
      Object value = RowCodec.read(f, v);
      if (!java.util.Objects.equals(value, u.get(f))) {
        @SuppressWarnings("unchecked")
        Field<Object> of = (Field<Object>) f;
        u.set(of, value);
      }
    }
    if (only != null && t.equals(CANDIDATE)) { // the name taken from one side, maybe not both
      CandidateRecord candidate = (CandidateRecord) u;
      candidate.setNameNorm(
          TextNorm.normalize(
              Objects.toString(candidate.getLastName(), "")
                  + " "
                  + Objects.toString(candidate.getFirstName(), "")));
    }
    writer.update(tx, (UpdatableRecord) u);
  }
}
