package fr.passerelle.tabular;

/** Where a schema reports what is wrong with a row. */
@FunctionalInterface
public interface RowErrors {
  void add(long line, String field, String value, String message);
}
