package fr.passerelle.core;

/** Invalid input (exit code 2): the message names the file, line and field when there is one. */
public class InvalidInputException extends UserFacingException {
  public InvalidInputException(String message) {
    super(2, message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(2, message, cause);
  }
}
