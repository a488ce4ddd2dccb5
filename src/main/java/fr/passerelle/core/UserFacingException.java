package fr.passerelle.core;

/**
 * A failure the user can act on: its message is one clear sentence saying what went wrong and, if
 * possible, what to do. The exit code follows the command-line contract of DESIGN.md (2: invalid
 * input, nothing changed; 3: sync file refused, nothing changed).
 */
public class UserFacingException extends RuntimeException {
  private final int exitCode;

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
}
