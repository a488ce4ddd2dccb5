package fr.passerelle.core;

import java.util.Optional;

/**
 * A failure the user can act on: its message is one clear sentence saying what went wrong and, if
 * possible, what to do. The exit code follows the command-line contract of docs/architecture.md (2:
 * invalid input, nothing changed; 3: sync file refused, nothing changed).
 *
 * <p>The message is English (the command line's language). A failure a window shows may also carry
 * a UI text key and its arguments ({@link #keyed}); the window then says it in the user's language
 * ({@code ui/Messages#describe}).
 */
public class UserFacingException extends RuntimeException {
  private final int exitCode;
  private String key;
  private Object[] args = new Object[0];

  public UserFacingException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserFacingException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /**
   * Names the UI text that says this failure in the user's language, with its MessageFormat
   * arguments; returns this exception.
   */
  public UserFacingException keyed(String textKey, Object... textArgs) {
    this.key = textKey;
    this.args = textArgs.clone();
    return this;
  }

  /** The UI text key, if the failure has one. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** The arguments of {@link #key()}. */
  public Object[] args() {
    return args.clone();
  }
}
