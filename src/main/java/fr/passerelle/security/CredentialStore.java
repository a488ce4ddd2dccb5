package fr.passerelle.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the password hashes and the failure counts are kept. Today: the {@code account} table of
 * the database ({@link DatabaseCredentialStore}). With the encrypted database (issue 14), the check
 * must happen before the database is opened: a key-slot file beside it (one slot per account, the
 * file key wrapped with a key derived from the password) will implement this interface, and the
 * sign-in screens and the command line will not change (ADR 0105).
 */
public interface CredentialStore {
  /** What is stored for one login (compared case-insensitively). */
  record Stored(
      UUID accountId,
      String login,
      String hash,
      boolean disabled,
      boolean mustChange,
      int failures,
      Instant nextAttemptAt,
      Instant lockedUntil) {}

  Optional<Stored> find(String login);

  Optional<Stored> find(UUID accountId);

  /** Records a failure and the resulting delay or lock. */
  void failed(UUID accountId, SignInThrottle.State state);

  /**
   * Records a success at {@code at}: failures reset; {@code rehash} replaces the hash if not null.
   */
  void succeeded(UUID accountId, Instant at, String rehash);

  /** Replaces the hash; {@code mustChange}: the account must choose its own at next sign-in. */
  void setHash(UUID accountId, String hash, boolean mustChange, Instant at);
}
