package fr.passerelle.db;

import fr.passerelle.core.UserFacingException;

/** A database problem the user can act on; the message is one clear sentence. */
public class DatabaseException extends UserFacingException {
  public DatabaseException(String message) {
    super(2, message);
  }

  public DatabaseException(String message, Throwable cause) {
    super(2, message, cause);
  }

  /** As {@link UserFacingException#keyed}, keeping the type. */
  @Override
  public DatabaseException keyed(String textKey, Object... textArgs) {
    super.keyed(textKey, textArgs);
    return this;
  }
}
