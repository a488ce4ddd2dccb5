package fr.passerelle.security;

import fr.passerelle.db.WallClock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a login and password against the {@link CredentialStore}, with the growing delay and
 * temporary lock of {@link SignInThrottle}: while an account must wait, its password is not even
 * tried. An unknown login costs the same time as a known one and says the same thing.
 */
public final class Authenticator {
  /** Why a check failed. */
  public enum Refusal {
    /** Unknown login or wrong password (the same answer for both). */
    WRONG,
    /** Too soon after a failure: wait until {@link Outcome#retryAt}. */
    WAIT,
    /** Locked after too many failures, until {@link Outcome#retryAt}. */
    LOCKED,
    /** The right password, but an administrator disabled the account. */
    DISABLED
  }

  /** The result: {@code refusal} null when accepted. */
  public record Outcome(
      Optional<CredentialStore.Stored> account, Refusal refusal, Instant retryAt, int failures) {
    public boolean accepted() {
      return refusal == null;
    }

    public UUID accountId() {
      return account.map(CredentialStore.Stored::accountId).orElse(null);
    }
  }

  private final CredentialStore store;
  private final PasswordHasher hasher;
  private final WallClock clock;

  public Authenticator(CredentialStore store, PasswordHasher hasher, WallClock clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
  }

  public PasswordHasher hasher() {
    return hasher;
  }

  public CredentialStore store() {
    return store;
  }

  /** Checks {@code password} for {@code login}; records failures and successes. */
  public synchronized Outcome check(String login, char[] password) {
    Instant now = Instant.ofEpochMilli(clock.millis());
    Optional<CredentialStore.Stored> found = store.find(login == null ? "" : login);
    if (found.isEmpty()) {
      hasher.burn(password);
      return new Outcome(found, Refusal.WRONG, null, 0);
    }
    CredentialStore.Stored s = found.get();
    if (s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
      return new Outcome(found, Refusal.LOCKED, s.lockedUntil(), s.failures());
    }
    if (s.nextAttemptAt() != null && now.isBefore(s.nextAttemptAt())) {
      return new Outcome(found, Refusal.WAIT, s.nextAttemptAt(), s.failures());
    }
    if (!hasher.verify(password, s.hash())) {
      SignInThrottle.State st = SignInThrottle.afterFailure(s.failures(), now);
      store.failed(s.accountId(), st);
      return new Outcome(
          found,
          st.lockedUntil() != null ? Refusal.LOCKED : Refusal.WRONG,
          st.nextAttemptAt(),
          st.failures());
    }
    if (s.disabled()) {
      return new Outcome(found, Refusal.DISABLED, null, s.failures());
    }
    store.succeeded(
        s.accountId(), now, hasher.needsRehash(s.hash()) ? hasher.hash(password) : null);
    return new Outcome(found, null, null, 0);
  }
}
