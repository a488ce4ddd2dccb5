package fr.passerelle.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The growing delay and the temporary lock after wrong passwords (CNIL 2022-100: "temporisation
 * d'accès au compte après plusieurs échecs" and a lock after at most 10): two free tries, then a
 * wait that doubles from 5 s with each failure, and after the tenth failure in a row the account is
 * locked for 30 minutes (an administrator may unlock it sooner). A success resets the count.
 */
public final class SignInThrottle {
  public static final int FREE_FAILURES = 2;
  public static final int LOCK_AFTER = 10;
  public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
  public static final Duration LOCK = Duration.ofMinutes(30);

  /** The account's state after a failure: how many in a row, when the next try is allowed. */
  public record State(int failures, Instant nextAttemptAt, Instant lockedUntil) {}

  private SignInThrottle() {}

  /** The state after one more failure at {@code now}. */
  public static State afterFailure(int previousFailures, Instant now) {
    int n = previousFailures + 1;
    if (n >= LOCK_AFTER) {
      Instant until = now.plus(LOCK);
      return new State(n, until, until);
    }
    if (n <= FREE_FAILURES) {
      return new State(n, null, null);
    }
    Duration wait = FIRST_DELAY.multipliedBy(1L << (n - FREE_FAILURES - 1));
    return new State(n, now.plus(wait), null);
  }
}
