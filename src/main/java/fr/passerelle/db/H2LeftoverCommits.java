package fr.passerelle.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Finishes the commits a kill cut in the middle, which H2 2.5.252 leaves half done (ADR 0137).
 *
 * <p>A commit in H2's MVStore first marks the transaction's undo log "committed" (from then on the
 * transaction is durable), then clears the transaction's mark on each row it changed. When the
 * process dies between the two, the next open finds a transaction in state COMMITTED and is meant
 * to finish it ({@code TransactionStore.endLeftoverTransactions} → {@code Transaction.commit()} →
 * {@code TransactionStore.commit(t, true)}). Since H2's change "minor code deduplication" (December
 * 2025, in 2.5.250 and 2.5.252) {@code Transaction.commit()} only does that work for a transaction
 * that was still active, so a leftover committed transaction is neither finished nor closed: the
 * rows whose marks were cleared show the new values, the others the old ones — a transaction torn
 * in two that every read accepts — and any later write to one of those rows spins for ever inside
 * H2 (it waits for a transaction that says it has ended). Measured with plain H2: a 6,000-row
 * update killed during its commit leaves such a transaction about once in 20 kills; the crash
 * harness's stuck sync import was one.
 *
 * <p>Right after the database is opened, before anything else uses it, this finishes each such
 * transaction as H2 2.4 did (its package-private recovery commit) and closes it, then writes a
 * checkpoint so the repair is on disk. It must run only while no other session is at work: a
 * transaction being committed by a live session is briefly in the same state.
 */
public final class H2LeftoverCommits {
  private static final Logger LOG = Logger.getLogger(H2LeftoverCommits.class.getName());

  private H2LeftoverCommits() {}

  /**
   * Finishes the leftover committed transactions of the database {@code c} has just opened.
   *
   * @return how many there were
   * @throws SQLException if H2's internals are not what this class knows (another H2 version) while
   *     such a transaction is there: the file is then refused rather than used torn
   */
  public static int finish(Connection c) throws SQLException {
    SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    if (session.getDatabase().getSessions(false).length > 1) {
      return 0; // opened before in this process: the first open finished them, others may commit
    }
    TransactionStore store = session.getDatabase().getStore().getTransactionStore();
    List<Transaction> leftovers = new ArrayList<>();
    for (Transaction t : store.getOpenTransactions()) {
      if (t.getStatus() == Transaction.STATUS_COMMITTED) {
        leftovers.add(t);
      }
    }
    if (leftovers.isEmpty()) {
      return 0;
    }
    try {
      Method commit =
          TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
      Method close = Transaction.class.getDeclaredMethod("close", boolean.class, Throwable.class);
      commit.setAccessible(true);
      close.setAccessible(true);
      for (Transaction t : leftovers) {
        LOG.warning(
            () ->
                "finishing a commit cut by the end of the last session (H2 transaction " + t + ")");
        commit.invoke(store, t, true);
        close.invoke(t, true, null);
      }
    } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
      throw new SQLException(
          "a transaction cut during its commit is left in the file and this H2 version cannot"
              + " finish it: "
              + e,
          "HY000",
          org.h2.api.ErrorCode.FILE_CORRUPTED_1,
          e);
    } catch (InvocationTargetException e) {
      throw new SQLException(
          "finishing a transaction cut during its commit failed: " + e.getCause(),
          "HY000",
          org.h2.api.ErrorCode.FILE_CORRUPTED_1,
          e.getCause());
    }
    try (Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
    return leftovers.size();
  }
}
