package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_REINDEX;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_TOKEN;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.VersionStore;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record6;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The search access path: the local-only table {@code candidate_token(token, candidate_id)}, one
 * row per name word, commune ("@" + INSEE code), target occupation ("#" + ROME code), e-mail
 * ("~m:") and phone ("~p:") of every live candidate. A word-prefix search is an index range scan;
 * see ADR 0040.
 *
 * <p>{@link CandidateService} keeps it current on every write. Whoever else writes candidate rows
 * calls {@link #indexRows} for the rows it wrote in its transaction (the demo generator), {@link
 * #rebuild} after a bulk load, or {@link #queue}s them in its transaction and calls {@link
 * #catchUp} once it committed (the sync import, ADR 0078).
 */
public final class CandidateIndex {
  static final String COMMUNE = "@";
  static final String OCCUPATION = "#";
  static final String EMAIL = "~m:";
  static final String PHONE = "~p:";
  private static final int MAX_TOKEN = 100;
  private static final int BATCH = 5_000;
  private static final int CATCH_UP_CHUNK = 1_000;

  private CandidateIndex() {}

  /** The e-mail key: trimmed, lower case; "" when blank. */
  public static String emailKey(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  /** The phone key: digits only, "+33 6…" and "0033 6…" as "06…"; "" when too short. */
  public static String phoneKey(String phone) {
    if (phone == null) {
      return "";
    }
    String d = phone.replaceAll("[^0-9]", "");
    if (d.startsWith("0033")) {
      d = "0" + d.substring(4);
    } else if (d.startsWith("33") && d.length() == 11) {
      d = "0" + d.substring(2);
    }
    return d.length() < 6 ? "" : d;
  }

  /** "Lefèvre" + "Hélène" → "lefevre helene": the stored {@code name_norm}. */
  public static String nameNorm(String lastName, String firstName) {
    return TextNorm.normalize(
        (lastName == null ? "" : lastName) + " " + (firstName == null ? "" : firstName));
  }

  /** The tokens of one candidate. */
  static Set<String> tokens(
      String lastName,
      String firstName,
      String communeCode,
      Collection<String> romeCodes,
      String email,
      String phone) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : TextNorm.tokens(lastName + " " + firstName)) {
      if (!w.equals("null")) {
        out.add(cut(w));
      }
    }
    if (communeCode != null && !communeCode.isBlank()) {
      out.add(COMMUNE + communeCode);
    }
    for (String r : romeCodes) {
      if (r != null) {
        out.add(OCCUPATION + r);
      }
    }
    String m = emailKey(email);
    if (!m.isEmpty()) {
      out.add(cut(EMAIL + m));
    }
    String p = phoneKey(phone);
    if (!p.isEmpty()) {
      out.add(cut(PHONE + p));
    }
    return out;
  }

  private static String cut(String t) {
    return t.length() > MAX_TOKEN ? t.substring(0, MAX_TOKEN) : t;
  }

  /**
   * Notes these candidates for re-indexing, inside the caller's transaction: the note commits or
   * rolls back with the rows, and {@link #catchUp} writes their tokens afterwards.
   */
  public static void queue(DSLContext tx, Select<? extends Record1<UUID>> ids) {
    tx.insertInto(CANDIDATE_REINDEX, CANDIDATE_REINDEX.CANDIDATE_ID)
        .select(ids)
        .onDuplicateKeyIgnore()
        .execute();
  }

  /**
   * Re-indexes the queued candidates, {@value #CATCH_UP_CHUNK} per transaction, each removed from
   * the queue once its keys are committed: stopped at any point (crash, cancel), it goes on from
   * there at the next call. Each chunk takes the queue entries no other catch-up holds ({@code SKIP
   * LOCKED}); a chunk stays small, for the locks it holds against a counselor's edit and because H2
   * leaves a large commit cut by a crash half-applied more often (ADR 0080). Returns how many it
   * indexed.
   */
  public static int catchUp(DSLContext dsl, Progress progress) {
    return catchUp(dsl, progress, new java.util.concurrent.locks.ReentrantLock());
  }

  /** The same, each transaction taken under {@code gate} (Database#bulkWrites). */
  public static int catchUp(
      DSLContext dsl, Progress progress, java.util.concurrent.locks.Lock gate) {
    int total = dsl.fetchCount(CANDIDATE_REINDEX);
    int[] done = {0};
    while (true) {
      List<UUID> ids;
      gate.lock();
      try {
        ids =
            dsl.transactionResult(
                cfg -> {
                  DSLContext tx = cfg.dsl();
                  List<UUID> chunk =
                      tx.select(CANDIDATE_REINDEX.CANDIDATE_ID)
                          .from(CANDIDATE_REINDEX)
                          .limit(CATCH_UP_CHUNK)
                          .forUpdate()
                          .skipLocked()
                          .fetch(CANDIDATE_REINDEX.CANDIDATE_ID);
                  indexRows(tx, chunk);
                  if (!chunk.isEmpty()) {
                    done[0] += chunk.size();
                    // said before the commit: a listener may read meanwhile (tests)
                    progress.update(done[0], Math.max(done[0], total), "candidate_token");
                  }
                  return chunk;
                });
        if (!ids.isEmpty()) {
          // out of the queue once their keys are committed, in a transaction of its own: a
          // commit cut by a crash (ADR 0080) never leaves a candidate dequeued without its keys
          dsl.transaction(
              cfg ->
                  cfg.dsl()
                      .deleteFrom(CANDIDATE_REINDEX)
                      .where(VersionStore.idIn(CANDIDATE_REINDEX.CANDIDATE_ID, ids))
                      .execute());
        }
      } finally {
        gate.unlock();
      }
      if (ids.isEmpty()) {
        return done[0];
      }
      if (progress.isCancelled()) {
        throw new CancelledException();
      }
    }
  }

  /** The local tables of the search keys: derived from the candidates, rebuilt from them. */
  public static final List<String> TABLES = List.of("candidate_token", "candidate_reindex");

  /**
   * After a crash damaged the search keys' own tables (ADR 0080): both emptied ({@code TRUNCATE}
   * clears what a dead transaction left in them too), every live candidate queued again, a few
   * thousand per transaction; {@link #catchUp} then writes their keys.
   */
  public static void resetAfterCrash(DSLContext dsl) {
    dsl.execute("TRUNCATE TABLE candidate_token");
    dsl.execute("TRUNCATE TABLE candidate_reindex");
    List<UUID> all =
        dsl.select(CANDIDATE.ID)
            .from(CANDIDATE)
            .where(CANDIDATE.DELETED.isFalse())
            .fetch(CANDIDATE.ID);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
      dsl.transaction(
          cfg ->
              queue(
                  cfg.dsl(),
                  DSL.select(CANDIDATE.ID)
                      .from(CANDIDATE)
                      .where(VersionStore.idIn(CANDIDATE.ID, chunk))));
    }
  }

  /**
   * Re-indexes these candidates inside the caller's transaction: their tokens are replaced by those
   * of their stored rows (none for a deleted or missing candidate).
   */
  public static void indexRows(DSLContext tx, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<UUID> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 1000) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 1000));
      tx.deleteFrom(CANDIDATE_TOKEN)
          .where(VersionStore.idIn(CANDIDATE_TOKEN.CANDIDATE_ID, chunk))
          .execute();
      var occ =
          tx.select(CANDIDATE_OCCUPATION.CANDIDATE_ID, CANDIDATE_OCCUPATION.ROME_CODE)
              .from(CANDIDATE_OCCUPATION)
              .where(VersionStore.idIn(CANDIDATE_OCCUPATION.CANDIDATE_ID, chunk))
              .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
              .fetchGroups(CANDIDATE_OCCUPATION.CANDIDATE_ID, CANDIDATE_OCCUPATION.ROME_CODE);
      List<Object[]> rows = new ArrayList<>();
      tx.select(
              CANDIDATE.ID,
              CANDIDATE.LAST_NAME,
              CANDIDATE.FIRST_NAME,
              CANDIDATE.COMMUNE_CODE,
              CANDIDATE.EMAIL,
              CANDIDATE.PHONE)
          .from(CANDIDATE)
          .where(VersionStore.idIn(CANDIDATE.ID, chunk))
          .and(CANDIDATE.DELETED.isFalse())
          .forEach(
              r -> {
                for (String t :
                    tokens(
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        occ.getOrDefault(r.value1(), List.of()),
                        r.value5(),
                        r.value6())) {
                  rows.add(new Object[] {t, r.value1()});
                }
              });
      insert(tx, rows);
    }
  }

  private static void insert(DSLContext tx, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    tx.connection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO candidate_token(token, candidate_id) VALUES (?, ?)")) {
            int n = 0;
            for (Object[] r : rows) {
              ps.setString(1, (String) r[0]);
              ps.setObject(2, r[1]);
              ps.addBatch();
              if (++n % BATCH == 0) {
                ps.executeBatch();
              }
            }
            ps.executeBatch();
          }
        });
  }

  /**
   * Rebuilds the whole index from the stored rows, in one transaction (after a bulk load or a large
   * sync import). Stops on cancel, leaving the previous index in place.
   */
  public static void rebuild(DSLContext dsl, Progress progress) {
    dsl.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          int total = tx.fetchCount(CANDIDATE, CANDIDATE.DELETED.isFalse());
          tx.deleteFrom(CANDIDATE_TOKEN).execute();
          List<Object[]> rows = new ArrayList<>();
          long done = 0;
          try (Cursor<Record6<UUID, String, String, String, String, String>> cur =
              tx.select(
                      CANDIDATE.ID,
                      CANDIDATE.LAST_NAME,
                      CANDIDATE.FIRST_NAME,
                      CANDIDATE.COMMUNE_CODE,
                      CANDIDATE.EMAIL,
                      CANDIDATE.PHONE)
                  .from(CANDIDATE)
                  .where(CANDIDATE.DELETED.isFalse())
                  .fetchSize(BATCH)
                  .fetchLazy()) {
            for (var r : cur) {
              for (String t :
                  tokens(r.value2(), r.value3(), r.value4(), List.of(), r.value5(), r.value6())) {
                rows.add(new Object[] {t, r.value1()});
              }
              if (++done % BATCH == 0) {
                insert(tx, rows);
                rows.clear();
                progress.update(done, total, null);
                if (progress.isCancelled()) {
                  throw new CancelledException();
                }
              }
            }
          }
          insert(tx, rows);
          tx.insertInto(CANDIDATE_TOKEN, CANDIDATE_TOKEN.TOKEN, CANDIDATE_TOKEN.CANDIDATE_ID)
              .select(
                  tx.selectDistinct(
                          DSL.concat(DSL.inline(OCCUPATION), CANDIDATE_OCCUPATION.ROME_CODE),
                          CANDIDATE_OCCUPATION.CANDIDATE_ID)
                      .from(CANDIDATE_OCCUPATION)
                      .join(CANDIDATE)
                      .on(CANDIDATE.ID.eq(CANDIDATE_OCCUPATION.CANDIDATE_ID))
                      .where(CANDIDATE_OCCUPATION.DELETED.isFalse())
                      .and(CANDIDATE.DELETED.isFalse())
                      .and(CANDIDATE_OCCUPATION.ROME_CODE.isNotNull()))
              .execute();
          progress.update(total, total, null);
        });
  }
}
