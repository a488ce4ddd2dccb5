package fr.passerelle.tabular;

/** Where a schema reports what is wrong with a row, and what it corrected in it. */
@FunctionalInterface
public interface RowErrors {
  void add(long line, String field, String value, String message);

  /**
   * A value changed on the way in (a leading zero a spreadsheet dropped, a control character): the
   * import goes on with {@code to}, and the report says so. Ignored unless the sink records it.
   */
  default void corrected(long line, String field, String from, String to, String why) {}
}
