package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of an import: rows read, rows refused with their errors (file, line, field), rows
 * created and updated, and whether the database was changed.
 */
public final class ImportReport {
  /** Errors kept for display and the error file; the count goes on beyond. */
  public static final int MAX_KEPT = 10_000;

  private final String file;
  private final List<RowError> errors = new ArrayList<>();
  private final List<RowCorrection> corrections = new ArrayList<>();
  private long correctionCount;
  private String encoding;
  private long errorCount;
  private long rowsRead;
  private long rowsRefused;
  private long created;
  private long updated;
  private boolean applied;

  public ImportReport(String file) {
    this.file = file;
  }

  void error(RowError e) {
    errorCount++;
    if (errors.size() < MAX_KEPT) {
      errors.add(e);
    }
  }

  void corrected(RowCorrection c) {
    correctionCount++;
    if (corrections.size() < MAX_KEPT) {
      corrections.add(c);
    }
  }

  void encoding(String label) {
    encoding = label;
  }

  /** The text encoding a CSV was read in ("Windows-1252 (ANSI)"), null for a workbook. */
  public String encoding() {
    return encoding;
  }

  /** Values changed on the way in (the first {@link #MAX_KEPT}), in file order. */
  public List<RowCorrection> corrections() {
    return List.copyOf(corrections);
  }

  public long correctionCount() {
    return correctionCount;
  }

  /** The corrections as lines "file, line N, field F: "a" → "b" (why)", at most {@code max}. */
  public List<String> describeCorrections(int max) {
    List<String> out = new ArrayList<>();
    for (RowCorrection c : corrections) {
      if (out.size() == max) {
        out.add("… " + (correctionCount - max) + " more");
        break;
      }
      out.add(c.describe(file));
    }
    return out;
  }

  void refused(long rows) {
    rowsRefused = rows;
  }

  void read() {
    rowsRead++;
  }

  public void created(long n) {
    created += n;
  }

  public void updated(long n) {
    updated += n;
  }

  void markApplied() {
    applied = true;
  }

  public String file() {
    return file;
  }

  public List<RowError> errors() {
    return List.copyOf(errors);
  }

  public long errorCount() {
    return errorCount;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsRefused() {
    return rowsRefused;
  }

  public long rowsValid() {
    return rowsRead - rowsRefused;
  }

  public long created() {
    return created;
  }

  public long updated() {
    return updated;
  }

  /** True when the database was changed (all rows, or the valid rows when asked). */
  public boolean applied() {
    return applied;
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }

  /** The errors as lines "file, line N, field F: message", at most {@code max}. */
  public List<String> describe(int max) {
    List<String> out = new ArrayList<>();
    for (RowError e : errors) {
      if (out.size() == max) {
        out.add("… " + (errorCount - max) + " more");
        break;
      }
      out.add(e.describe(file));
    }
    return out;
  }

  /** Exit 2 with the first errors, for the command line. */
  public InvalidInputException toException() {
    return new InvalidInputException(
        String.join(System.lineSeparator(), describe(50))
            + System.lineSeparator()
            + errorCount
            + " error(s) in "
            + rowsRefused
            + " of "
            + rowsRead
            + " row(s); nothing was imported.");
  }

  /** Saves the errors (CSV French Excel or xlsx, by extension): file, line, field, value, error. */
  public void saveErrors(Path out) {
    try (TabularWriter w =
        TabularWriter.open(
            out, "Erreurs", List.of("fichier", "ligne", "champ", "valeur", "erreur"))) {
      for (RowError e : errors) {
        w.write(
            List.of(
                file,
                Long.toString(e.line()),
                e.field() == null ? "" : e.field(),
                e.value() == null ? "" : e.value(),
                e.message()));
      }
    }
  }
}
