package fr.passerelle.security;

import fr.passerelle.core.UserFacingException;
import java.time.Instant;

/** A refused sign-in or unlock (exit code 4), said in the user's words. */
public final class SignInException extends UserFacingException {
  private final Authenticator.Refusal refusal;
  private final Instant retryAt;

  SignInException(Authenticator.Refusal refusal, Instant retryAt, String english) {
    super(AccessDeniedException.EXIT_CODE, english);
    this.refusal = refusal;
    this.retryAt = retryAt;
    keyed(
        "security.signIn."
            + refusal.name()
            + (refusal == Authenticator.Refusal.WRONG && retryAt != null ? "_WAIT" : ""),
        retryAt == null ? "" : java.util.Date.from(retryAt),
        SignInThrottle.LOCK_AFTER);
  }

  public Authenticator.Refusal refusal() {
    return refusal;
  }

  /** When the next try is allowed (WAIT, LOCKED), else null. */
  public Instant retryAt() {
    return retryAt;
  }
}
