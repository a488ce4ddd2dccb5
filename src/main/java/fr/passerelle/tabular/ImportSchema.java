package fr.passerelle.tabular;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** What one kind of row (candidates, offers) means: its columns, checks and writes. */
public interface ImportSchema<T> {
  /** The columns of this kind of file: codes, French headers, sizes, required ones. */
  FileColumns fileColumns();

  /** The columns this import knows (the header of an export). */
  default List<String> columns() {
    return fileColumns().codes();
  }

  /**
   * The French header of each column (code → label), written by the export; the import accepts the
   * label or the code, accents, case and punctuation ignored.
   */
  default Map<String, String> labels() {
    return fileColumns().labels();
  }

  /** The longest value a column takes, in characters (its database column's size). */
  default int maxLength(String column) {
    return fileColumns().maxLength(column);
  }

  /** Columns that must be present in the header. */
  default Set<String> required() {
    return fileColumns().required();
  }

  /**
   * Parses and checks a batch of rows (syntax, reference data, the database); returns a list
   * parallel to {@code rows}, with null for each refused row (its errors added to {@code errors}).
   *
   * @param firstPass true on the validation pass (checks duplicates against the database); false on
   *     the writing pass, where rows already imported from this file must not count
   */
  List<T> prepare(
      DSLContext ctx,
      List<TabularRow> rows,
      Map<String, Integer> columns,
      RowErrors errors,
      boolean firstPass);

  /** Writes valid rows, counting created and updated ones in the report. */
  void write(DSLContext tx, List<T> rows, ImportReport report);
}
