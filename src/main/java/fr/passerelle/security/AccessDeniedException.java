package fr.passerelle.security;

import fr.passerelle.core.UserFacingException;

/**
 * An action refused because the account lacks a permission (or nobody is signed in): nothing was
 * changed, the refusal was audited. Exit code 4 on the command line.
 */
public final class AccessDeniedException extends UserFacingException {
  public static final int EXIT_CODE = 4;
  private final Permission missing;
  private final String operation;

  AccessDeniedException(Permission missing, String operation, boolean signedIn) {
    super(
        EXIT_CODE,
        signedIn
            ? "Refused: this account lacks the permission "
                + missing
                + " ("
                + operation
                + "). Nothing was changed; ask an administrator."
            : "Refused: nobody is signed in (" + operation + " needs " + missing + ").");
    this.missing = missing;
    this.operation = operation;
    keyed(signedIn ? "security.refused" : "security.refused.signedOut", missing.name());
  }

  /** The permission the account lacks. */
  public Permission missing() {
    return missing;
  }

  /** The service method refused, "CandidateService.save". */
  public String operation() {
    return operation;
  }
}
