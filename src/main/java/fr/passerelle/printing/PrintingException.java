package fr.passerelle.printing;

import fr.passerelle.core.UserFacingException;

/**
 * Nothing was printed, and why, in words: no print service on this computer, no printer of that
 * name, the system's print command missing, or the printer's own failure. The command line exits
 * with code 4; a window offers to save the PDF instead.
 */
public final class PrintingException extends UserFacingException {
  /** Exit code of the command line when printing is impossible (nothing was printed). */
  public static final int EXIT_CODE = 6;

  /** What kind of failure: the window words each one differently. */
  public enum Reason {
    NO_PRINT_SERVICE,
    UNKNOWN_PRINTER,
    NO_PRINT_COMMAND,
    FAILED
  }

  private final Reason reason;

  PrintingException(Reason reason, String english, Throwable cause) {
    super(EXIT_CODE, english, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
