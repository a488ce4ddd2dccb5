package fr.passerelle.security;

import fr.passerelle.db.AuditChain;
import fr.passerelle.db.Database;
import fr.passerelle.db.WallClock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Records who did what: the signed-in account (or the one named, for sign-ins), when, on which
 * workstation, about which person or file. Entries are appended to this installation's hash chain
 * ({@link AuditChain}), inside the caller's transaction when the action writes (so that the entry
 * and the change commit together), else in a transaction of their own.
 */
public final class AuditTrail {
  private final Database db;
  private final WallClock clock;
  private final Supplier<Principal> principal;
  private final Supplier<String> workstation;
  private volatile String workstationName;

  AuditTrail(
      Database db, WallClock clock, Supplier<Principal> principal, Supplier<String> workstation) {
    this.db = db;
    this.clock = clock;
    this.principal = principal;
    this.workstation = workstation;
  }

  /** Records {@code action} by the signed-in account, in its own transaction. */
  public void record(AuditAction action, UUID person, String subject, String details) {
    db.dsl().transaction(cfg -> record(cfg.dsl(), action, person, subject, details));
  }

  /** Records {@code action} by the signed-in account inside {@code tx}. */
  public void record(
      DSLContext tx, AuditAction action, UUID person, String subject, String details) {
    Principal p = principal.get();
    append(tx, p, p == null ? null : p.actor(), action, person, subject, details);
  }

  /**
   * Records that the signed-in account saved row {@code id} of {@code table} at {@code version} (a
   * form's save, {@code RECORD_SAVED}): a later save refused over it names who and when (ADR 0177).
   */
  public void saved(
      DSLContext tx, UUID person, org.jooq.Table<?> table, UUID id, fr.passerelle.db.RowVersion v) {
    record(
        tx,
        AuditAction.RECORD_SAVED,
        person,
        fr.passerelle.db.EditLocks.subject(table, id),
        v.toString());
  }

  /**
   * Records {@code action} done by (or tried as) account {@code accountId} named {@code actor} —
   * sign-ins, when nobody is signed in yet (both null for an unknown login, which is not written:
   * it may be a password typed in the wrong field).
   */
  public void recordAs(
      UUID accountId, String actor, AuditAction action, String subject, String details) {
    db.dsl()
        .transaction(
            cfg -> append(cfg.dsl(), accountId, actor, null, action, null, subject, details));
  }

  /**
   * Records, in a database just restored from a backup, who restored it (an account of the replaced
   * database, named as it was; null when that one had none).
   */
  public void restored(Principal who, String file, UUID newReplica) {
    recordAs(
        who == null ? null : who.accountId(),
        who == null ? null : who.actor(),
        AuditAction.BACKUP_RESTORED,
        file,
        "new replica id " + newReplica);
  }

  private void append(
      DSLContext tx,
      Principal p,
      String actor,
      AuditAction action,
      UUID person,
      String subject,
      String details) {
    append(
        tx,
        p == null ? null : p.accountId(),
        actor,
        p == null ? null : p.counselorId(),
        action,
        person,
        subject,
        details);
  }

  private void append(
      DSLContext tx,
      UUID accountId,
      String actor,
      UUID counselorId,
      AuditAction action,
      UUID person,
      String subject,
      String details) {
    AuditChain.append(
        tx,
        new AuditChain.Draft(
            Instant.ofEpochMilli(clock.millis()),
            accountId,
            actor,
            counselorId,
            workstation(),
            action.name(),
            person,
            subject,
            details));
  }

  /** Computed once, on first use (off the UI thread: the host name may need the resolver). */
  private String workstation() {
    String w = workstationName;
    if (w == null) {
      w = workstation.get();
      workstationName = w;
    }
    return w;
  }
}
