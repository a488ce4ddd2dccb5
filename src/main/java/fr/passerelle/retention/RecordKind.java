package fr.passerelle.retention;

/**
 * The kinds of record a retention rule applies to; each is a row of {@code retention_rule} (a test
 * checks both agree). What each counts from is in docs/retention.md.
 */
public enum RecordKind {
  /** A candidate and everything about them, N months after the last activity on their file. */
  CANDIDATE_INACTIVE,
  /** A meeting's participants and attendance (the sign-in sheet), N months after the meeting. */
  MEETING_ATTENDANCE,
  /** A training path and its steps, N months after its six-month outcome. */
  TRAINING_PATH,
  /** A sourcing list entry, N months after its last change or the list's closing. */
  SOURCING_ENTRY
}
