package fr.passerelle.core;

/** Invalid input (exit code 2): the message names the file, line and field when there is one. */
public class InvalidInputException extends UserFacingException {
  public InvalidInputException(String message) {
    super(2, message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(2, message, cause);
  }

  /**
   * Invalid input said in English ({@code english}, for the command line) and, in a window, by the
   * UI text {@code key} formatted with {@code args}.
   */
  public static InvalidInputException of(String key, String english, Object... args) {
    InvalidInputException e = new InvalidInputException(english);
    e.keyed(key, args);
    return e;
  }
}
