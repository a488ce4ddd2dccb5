package fr.passerelle.candidates;

/**
 * A value the counselor must correct: which field, a stable code for the UI text, and the reason in
 * words (English, for the command line and logs).
 */
public record FieldError(String field, Code code, String message) {
  /** Why a value is refused. */
  public enum Code {
    REQUIRED,
    BAD_DATE,
    FUTURE_DATE,
    BAD_EMAIL,
    BAD_PHONE,
    BAD_FRANCE_TRAVAIL_ID,
    UNKNOWN_COMMUNE,
    UNKNOWN_OCCUPATION,
    NEGATIVE,
    TOO_LARGE,
    DUPLICATE_ENTRY,
    CONTROL_CHARACTER,
    BAD_VALUE
  }
}
