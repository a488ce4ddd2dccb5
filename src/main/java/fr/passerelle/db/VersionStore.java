package fr.passerelle.db;

import static fr.passerelle.db.ReplicatedTables.*;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.db.jooq.tables.records.ReplicaRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The import side of {@link ReplicatedWriter}: stores versions written elsewhere, keeping their
 * dot, version vector, HLC and tombstone flag, and giving them this installation's next change
 * sequences. Per row: an incoming version that dominates is stored; a dominated or equal one is
 * skipped; concurrent versions are merged (the winner's fields, the pointwise maximum of both
 * vectors) and the loser is reported to the caller, who keeps it as a conflict.
 */
public final class VersionStore {
  /** Which of two concurrent versions wins. */
  @FunctionalInterface
  public interface WinnerRule {
    /** True if {@code a} wins over {@code b}. */
    boolean wins(Record a, Record b);
  }

  /** The default rule: the highest (HLC, author replica). */
  public static final WinnerRule LATEST =
      (a, b) -> {
        int c = Long.compare(a.get(HLC), b.get(HLC));
        if (c == 0) {
          c = a.get(DOT_REPLICA).toString().compareTo(b.get(DOT_REPLICA).toString());
        }
        if (c == 0) {
          c = Long.compare(a.get(DOT_SEQ), b.get(DOT_SEQ));
        }
        return c > 0;
      };

  /** A merge of two concurrent versions whose fields differ. */
  public record Merge(Table<?> table, Record winner, Record loser, boolean incomingWon) {}

  /** What one batch did; {@code written}: the versions stored, as written (change_seq set). */
  public record Outcome(
      int added,
      int updated,
      int deleted,
      int skipped,
      List<Merge> conflicts,
      List<Record> written) {}

  private final ReplicatedWriter writer;

  public VersionStore(ReplicatedWriter writer) {
    this.writer = writer;
  }

  /**
   * Applies a batch of incoming versions of one table (records of {@code table}, every field set,
   * {@code change_seq} ignored; ids distinct).
   */
  public Outcome apply(DSLContext tx, Table<?> table, List<Record> incoming, WinnerRule rule) {
    Field<UUID> id = col(table, ID);
    Map<UUID, Record> stored = new HashMap<>();
    List<UUID> ids = incoming.stream().map(r -> r.get(id)).toList();
    for (Record r : tx.selectFrom(table).where(idIn(id, ids)).fetch()) {
      stored.put(r.get(id), r);
    }
    List<Record> inserts = new ArrayList<>();
    List<Record> updates = new ArrayList<>();
    List<Merge> conflicts = new ArrayList<>();
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int skipped = 0;
    for (Record in : incoming) {
      Record old = stored.get(in.get(id));
      boolean inDeleted = Boolean.TRUE.equals(in.get(col(table, DELETED)));
      if (old == null) {
        inserts.add(in);
        if (inDeleted) {
          deleted++;
        } else {
          added++;
        }
        continue;
      }
      VersionVector inVv = VersionVector.parse(in.get(col(table, VV)));
      VersionVector oldVv = VersionVector.parse(old.get(col(table, VV)));
      boolean oldDeleted = Boolean.TRUE.equals(old.get(col(table, DELETED)));
      switch (inVv.compare(oldVv)) {
        case BEFORE, EQUAL -> skipped++;
        case AFTER -> {
          updates.add(in);
          if (inDeleted && !oldDeleted) {
            deleted++;
          } else {
            updated++;
          }
        }
        case CONCURRENT -> {
          boolean incomingWins = rule.wins(in, old);
          Record winner = tx.newRecord(table);
          Record loser = incomingWins ? old : in;
          for (Field<?> f : table.fields()) {
            winner.set(unsafe(f), (incomingWins ? in : old).get(f));
          }
          winner.set(col(table, VV), inVv.merge(oldVv).toString());
          updates.add(winner);
          if (incomingWins) {
            if (Boolean.TRUE.equals(winner.get(col(table, DELETED))) && !oldDeleted) {
              deleted++;
            } else {
              updated++;
            }
          } else {
            skipped++;
          }
          if (!sameFields(table, winner, loser)) {
            conflicts.add(new Merge(table, winner, loser, incomingWins));
          }
        }
      }
    }
    int n = inserts.size() + updates.size();
    List<Record> written = new ArrayList<>(n);
    if (n > 0) {
      long seq = writer.reserveChangeSeqs(tx, n);
      for (Record r : inserts) {
        r.set(col(table, CHANGE_SEQ), seq++);
        written.add(r);
      }
      for (Record r : updates) {
        r.set(col(table, CHANGE_SEQ), seq++);
        written.add(r);
      }
      write(tx, table, inserts, true);
      write(tx, table, updates, false);
    }
    return new Outcome(added, updated, deleted, skipped, conflicts, written);
  }

  /**
   * {@code id IN (...)} with the ids inlined: H2 evaluates a list of constants with a hash set, but
   * a list of bind parameters by comparing each row with every value (quadratic in the batch).
   */
  public static Condition idIn(Field<UUID> id, Collection<UUID> ids) {
    return id.in(ids.stream().map(DSL::inline).toList());
  }

  /** True if both versions hold the same fields (sync columns aside, the tombstone flag counts). */
  public static boolean sameFields(Table<?> table, Record a, Record b) {
    for (Field<?> f : table.fields()) {
      if (isKeptByTombstone(f) && !f.getName().equalsIgnoreCase(DELETED.getName())) {
        continue;
      }
      Object x = a.get(f);
      Object y = b.get(f);
      if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
        if (p.compareTo(q) != 0) {
          return false;
        }
      } else if (!Objects.equals(x, y)) {
        return false;
      }
    }
    return true;
  }

  private static void write(DSLContext tx, Table<?> table, List<Record> rows, boolean insert) {
    if (rows.isEmpty()) {
      return;
    }
    Field<?>[] fields = table.fields();
    // quoted as the dialect spells names (upper case on H2, lower case on PostgreSQL)
    String quotedTable = tx.render(DSL.name(table.getName()));
    String sql;
    if (insert) {
      sql =
          "INSERT INTO "
              + quotedTable
              + " ("
              + Arrays.stream(fields)
                  .map(f -> tx.render(DSL.name(f.getName())))
                  .collect(Collectors.joining(","))
              + ") VALUES ("
              + Arrays.stream(fields).map(f -> "?").collect(Collectors.joining(","))
              + ")";
    } else {
      sql =
          "UPDATE "
              + quotedTable
              + " SET "
              + Arrays.stream(fields)
                  .map(f -> tx.render(DSL.name(f.getName())) + "=?")
                  .collect(Collectors.joining(","))
              + " WHERE "
              + tx.render(DSL.name("ID"))
              + "=?";
    }
    tx.connection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Record r : rows) {
              int i = 1;
              for (Field<?> f : fields) {
                ps.setObject(i++, r.get(f));
              }
              if (!insert) {
                ps.setObject(i, r.get(col(table, ID)));
              }
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  /**
   * Physically removes rows this installation may not hold (a person's data after a withdrawal of
   * consent): no tombstone, since the rows were never ours to replicate. Returns how many.
   */
  public int erase(DSLContext tx, Table<?> table, org.jooq.Condition which) {
    return tx.deleteFrom(table).where(which).execute();
  }

  /**
   * Advances this installation's HLC after seeing {@code remoteMax}, at most to wall clock + {@code
   * capMillis}. Returns true if the remote value was beyond the cap.
   */
  public boolean observeClock(DSLContext tx, long remoteMax, long nowMillis, long capMillis) {
    ReplicaRecord r =
        tx.selectFrom(REPLICA).where(REPLICA.IS_CURRENT.isTrue()).forUpdate().fetchSingle();
    long next = Hlc.observe(r.getHlc(), remoteMax, nowMillis, nowMillis + capMillis);
    if (next != r.getHlc()) {
      tx.update(REPLICA).set(REPLICA.HLC, next).where(REPLICA.ID.eq(r.getId())).execute();
    }
    return Hlc.physicalMillis(remoteMax) > nowMillis + capMillis;
  }

  @SuppressWarnings("unchecked")
  private static Field<Object> unsafe(Field<?> f) {
    return (Field<Object>) f;
  }
}
