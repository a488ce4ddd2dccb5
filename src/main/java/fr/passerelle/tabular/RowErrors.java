package fr.passerelle.tabular;

/** Where a schema reports what is wrong with a row, and what it corrected in it. */
@FunctionalInterface
public interface RowErrors {
  void add(long line, String field, String value, String message);

  /** A refusal with its wording for the window ({@code message} for the command line). */
  default void add(long line, String field, String value, String message, Wording wording) {
    add(line, field, value, message);
  }

  /**
   * A value changed on the way in (a leading zero a spreadsheet dropped, a control character): the
   * import goes on with {@code to}, and the report says so. Ignored unless the sink records it.
   */
  default void corrected(long line, String field, String from, String to, String why) {}

  /** A correction with its wording for the window ({@code why} for the command line). */
  default void corrected(
      long line, String field, String from, String to, String why, Wording wording) {
    corrected(line, field, from, to, why);
  }
}
