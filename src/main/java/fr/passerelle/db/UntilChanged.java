package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Answers of a read kept until the installation's next change (ADR 0206): every write of a
 * replicated row, local, a colleague's on the office server, or an imported sync file, takes the
 * next value of the current replica's {@code change_seq} in its transaction. An answer is given
 * again only while that sequence (and the replica) is the one read <em>before</em> the answer was
 * read, so it can be older than the database by nothing: a change committed during the read makes
 * the next call read again. Only for reads of replicated tables, whose answers are immutable.
 *
 * @param <K> what the read depends on besides the data (a filter)
 * @param <V> the answer
 */
public final class UntilChanged<K, V> {
  private final Database db;
  private final Map<K, Kept<V>> kept;

  private record Kept<V>(Record2<UUID, Long> at, V value) {}

  /** Keeps the answers of the {@code size} keys asked last. */
  public UntilChanged(Database db, int size) {
    this.db = db;
    this.kept =
        new LinkedHashMap<>(size + 1, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
            return size() > size;
          }
        };
  }

  /** The answer for {@code key}: the one kept if nothing changed since, else {@code read}'s. */
  public V get(K key, Function<DSLContext, V> read) {
    DSLContext ctx = db.dsl();
    Record2<UUID, Long> now = stamp(ctx);
    synchronized (kept) {
      Kept<V> k = kept.get(key);
      if (k != null && k.at().equals(now)) {
        return k.value();
      }
    }
    V value = read.apply(ctx);
    synchronized (kept) {
      kept.put(key, new Kept<>(now, value));
    }
    return value;
  }

  /** The current replica and its change sequence: one primary-key read. */
  private static Record2<UUID, Long> stamp(DSLContext ctx) {
    return ctx.select(REPLICA.ID, REPLICA.CHANGE_SEQ)
        .from(REPLICA)
        .where(REPLICA.IS_CURRENT.isTrue())
        .fetchOne();
  }
}
