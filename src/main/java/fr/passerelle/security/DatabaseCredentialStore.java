package fr.passerelle.security;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;

import fr.passerelle.db.Database;
import fr.passerelle.db.jooq.tables.records.AccountRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The credentials in the {@code account} table (until issue 14 moves them to key slots). */
public final class DatabaseCredentialStore implements CredentialStore {
  private final Database db;

  public DatabaseCredentialStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Stored> find(String login) {
    if (login == null) {
      return Optional.empty();
    }
    return db.dsl()
        .selectFrom(ACCOUNT)
        .where(ACCOUNT.LOGIN.eq(normalise(login)))
        .fetchOptional()
        .map(DatabaseCredentialStore::stored);
  }

  @Override
  public Optional<Stored> find(UUID accountId) {
    return db.dsl()
        .selectFrom(ACCOUNT)
        .where(ACCOUNT.ID.eq(accountId))
        .fetchOptional()
        .map(DatabaseCredentialStore::stored);
  }

  /**
   * Every account's credentials (the conversion to an encrypted database wraps a slot for each).
   */
  public java.util.List<Stored> all() {
    return db.dsl().selectFrom(ACCOUNT).fetch(DatabaseCredentialStore::stored);
  }

  /** Logins are stored trimmed and lower-case. */
  public static String normalise(String login) {
    return login.trim().toLowerCase(Locale.ROOT);
  }

  private static Stored stored(AccountRecord r) {
    return new Stored(
        r.getId(),
        r.getLogin(),
        r.getPasswordHash(),
        Boolean.TRUE.equals(r.getDisabled()),
        Boolean.TRUE.equals(r.getMustChange()),
        r.getFailedCount() == null ? 0 : r.getFailedCount(),
        instant(r.getNextAttemptAt()),
        instant(r.getLockedUntil()));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime time(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  @Override
  public void failed(UUID accountId, SignInThrottle.State s) {
    db.dsl()
        .update(ACCOUNT)
        .set(ACCOUNT.FAILED_COUNT, s.failures())
        .set(ACCOUNT.NEXT_ATTEMPT_AT, time(s.nextAttemptAt()))
        .set(ACCOUNT.LOCKED_UNTIL, time(s.lockedUntil()))
        .where(ACCOUNT.ID.eq(accountId))
        .execute();
  }

  @Override
  public void succeeded(UUID accountId, Instant at, String rehash) {
    var u =
        db.dsl()
            .update(ACCOUNT)
            .set(ACCOUNT.FAILED_COUNT, 0)
            .setNull(ACCOUNT.NEXT_ATTEMPT_AT)
            .setNull(ACCOUNT.LOCKED_UNTIL)
            .set(ACCOUNT.LAST_SIGN_IN_AT, time(at));
    if (rehash != null) {
      u = u.set(ACCOUNT.PASSWORD_HASH, rehash);
    }
    u.where(ACCOUNT.ID.eq(accountId)).execute();
  }

  @Override
  public void setHash(UUID accountId, String hash, boolean mustChange, Instant at) {
    db.dsl()
        .update(ACCOUNT)
        .set(ACCOUNT.PASSWORD_HASH, hash)
        .set(ACCOUNT.MUST_CHANGE, mustChange)
        .set(ACCOUNT.PASSWORD_CHANGED_AT, time(at))
        .set(ACCOUNT.FAILED_COUNT, 0)
        .setNull(ACCOUNT.NEXT_ATTEMPT_AT)
        .setNull(ACCOUNT.LOCKED_UNTIL)
        .where(ACCOUNT.ID.eq(accountId))
        .execute();
  }
}
