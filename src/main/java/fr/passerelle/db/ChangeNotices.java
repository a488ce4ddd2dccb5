package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Other workstations' changes, heard within about a second on the office server (ADR 0178): a
 * transaction that stamps replicated rows sends {@code NOTIFY passerelle_changes} with its schema
 * and change sequence (PostgreSQL delivers it at commit, never for a rollback); one connection per
 * installation listens on a background thread and tells the subscribers (the search index's
 * catch-up, the open lists), first with the sequence reached when it starts listening (what was
 * committed before is caught up). On H2 (one workstation) nothing is sent and nobody listens.
 */
public final class ChangeNotices implements AutoCloseable {
  public static final String CHANNEL = "passerelle_changes";

  private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
  private static final int WAIT_MILLIS = 500;
  private static final long RETRY_MILLIS = 2_000;

  private final List<LongConsumer> subscribers = new CopyOnWriteArrayList<>();
  private final Database db;
  private Thread thread;
  private volatile boolean closed;

  private ChangeNotices(Database db) {
    this.db = db;
  }

  /** Nothing heard (an embedded database). */
  public static ChangeNotices none() {
    return new ChangeNotices(null);
  }

  /** Listens to {@code db}'s changes when it is on the office server; {@link #none()} otherwise. */
  public static ChangeNotices of(Database db) {
    return db.onServer() ? new ChangeNotices(db) : none();
  }

  /**
   * Sends, in {@code tx}, the notice of a change up to {@code changeSeq} (delivered at commit); on
   * PostgreSQL only.
   */
  static void send(DSLContext tx, long changeSeq) {
    if (tx.dialect().family() == SQLDialect.POSTGRES) {
      tx.fetch("SELECT pg_notify(?, current_schema() || ':' || ?)", CHANNEL, changeSeq);
    }
  }

  /**
   * Calls {@code onChange} (on the listening thread, with the change sequence heard) after each
   * commit of another workstation — or of this one; returns what unsubscribes it. The first
   * subscription starts the listening, whose first call tells the sequence already reached.
   */
  public AutoCloseable subscribe(LongConsumer onChange) {
    subscribers.add(onChange);
    startListening();
    return () -> subscribers.remove(onChange);
  }

  private synchronized void startListening() {
    if (db == null || thread != null || closed) {
      return;
    }
    thread = new Thread(this::listen, "change-notices");
    thread.setDaemon(true);
    thread.start();
  }

  /** How many subscribers are told of changes. */
  public int subscribers() {
    return subscribers.size();
  }

  /** True when changes are heard (the office server). */
  public boolean listening() {
    return db != null;
  }

  private void listen() {
    while (!closed) {
      try (Connection c = db.dataSource().getConnection()) {
        String schema;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
          try (ResultSet r = s.executeQuery("SELECT current_schema()")) {
            r.next();
            schema = r.getString(1);
          }
        }
        catchUp(c);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
          long seq = -1;
          for (PGNotification n : heard == null ? new PGNotification[0] : heard) {
            String p = n.getParameter();
            if (p.startsWith(schema + ":")) {
              seq = Math.max(seq, Long.parseLong(p.substring(schema.length() + 1)));
            }
          }
          if (seq >= 0) {
            tell(seq);
          }
        }
        try (Statement s = c.createStatement()) {
          s.execute("UNLISTEN " + CHANNEL); // the connection goes back to the pool
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("not listening to the office server's changes; trying again", e);
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /**
   * Tells the subscribers the change sequence reached when listening (re)starts: a commit made
   * before the {@code LISTEN} — while this installation was starting or its connection was lost —
   * was notified to nobody, and is caught up this way.
   */
  private void catchUp(Connection c) {
    Long seq =
        db.dsl(c)
            .select(REPLICA.CHANGE_SEQ)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne(REPLICA.CHANGE_SEQ);
    if (seq != null) {
      tell(seq);
    }
  }

  private void tell(long seq) {
    for (LongConsumer s : subscribers) {
      try {
        s.accept(seq);
      } catch (RuntimeException e) {
        LOG.warn("a change listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      closed = true;
      thread = this.thread;
    }
    if (thread != null) {
      try {
        thread.join(2 * WAIT_MILLIS + 1_000L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    subscribers.clear();
  }
}
