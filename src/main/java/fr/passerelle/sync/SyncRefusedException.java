package fr.passerelle.sync;

import fr.passerelle.core.UserFacingException;

/** A sync file refused (exit code 3): the database was not changed. */
public class SyncRefusedException extends UserFacingException {
  public SyncRefusedException(String message) {
    super(3, message);
  }

  public SyncRefusedException(String message, Throwable cause) {
    super(3, message, cause);
  }

  /** Refused, said in English ({@code english}) and in a window by the UI text {@code key}. */
  public static SyncRefusedException of(String key, String english, Object... args) {
    SyncRefusedException e = new SyncRefusedException(english);
    e.keyed(key, args);
    return e;
  }
}
