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

  /** The refusal said in English (the window says it in the user's language from its key). */
  public static SignInException refused(Authenticator.Refusal refusal, Instant retryAt) {
    String english =
        switch (refusal) {
          case WRONG ->
              "Wrong login or password."
                  + (retryAt == null ? "" : " Next try allowed at " + retryAt + ".");
          case WAIT -> "Too many wrong passwords: try again after " + retryAt + ".";
          case LOCKED ->
              "This account is locked after "
                  + SignInThrottle.LOCK_AFTER
                  + " wrong passwords, until "
                  + retryAt
                  + " (an administrator can unlock it).";
          case DISABLED -> "This account is disabled: ask an administrator.";
        };
    return new SignInException(refusal, retryAt, english);
  }

  public Authenticator.Refusal refusal() {
    return refusal;
  }

  /** When the next try is allowed (WAIT, LOCKED), else null. */
  public Instant retryAt() {
    return retryAt;
  }
}
