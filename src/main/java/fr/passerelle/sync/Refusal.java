package fr.passerelle.sync;

/**
 * Why one row of an imported file was refused and quarantined instead of stored (ADR 0085). The
 * rest of the file is applied. Each reason has a UI text {@code sync.refusal.<name>} whose
 * arguments are the sending organisation ({0}) and the organisation holding the row ({1}).
 */
public enum Refusal {
  /** A version authored in another organisation than the sender's: partners send only theirs. */
  OTHER_AUTHOR("it is an edit made by %2$s, not by %1$s: a partner sends only its own edits"),
  /** About a person of ours whose consent does not let the sender hold this row. */
  NOT_SHARED(
      "it is about a person %2$s has not shared with %1$s (or not this data): %1$s was never"
          + " sent it"),
  /** About a person another organisation holds: partners never pass on others' people. */
  RELAYED("it is about a person followed by %2$s: %1$s may not pass on another's people"),
  /** A consent recorded outside the organisation that follows the person. */
  CONSENT("it records the consent of a person followed by %2$s: only %2$s records it"),
  /** A deletion of a person another organisation follows. */
  PERSON_DELETED("it deletes a person followed by %2$s: only %2$s may delete them"),
  /** A change of the office that follows a person another organisation follows. */
  MOVED("it moves a person followed by %2$s to another office"),
  /** About a person this office does not hold: the sender could not have been sent it here. */
  UNKNOWN_PERSON("it is about a person this office does not hold"),
  /** About an office, or a counselor of an office, of another organisation. */
  OFFICE("it changes an office or a counselor of %2$s: only %2$s changes them"),
  /** Conflict records never leave their organisation (ADR 0064). */
  CONFLICT("it is a conflict record: those stay within their organisation"),
  /**
   * A text column holds a control character (ADR 0156); {@code holder} is then the column and the
   * character, "last_name (U+0000)".
   */
  CONTROL_CHARACTER(
      "its field %2$s holds a control character, which no office stores: ask %1$s to correct it");

  private final String english;

  Refusal(String english) {
    this.english = english;
  }

  /** The UI text key. */
  public String key() {
    return "sync.refusal." + name();
  }

  /** The reason in English, for the command line and the log. */
  public String english(String sender, String holder) {
    return String.format(english, sender, holder == null ? "another organisation" : holder);
  }
}
