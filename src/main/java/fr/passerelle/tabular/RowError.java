package fr.passerelle.tabular;

/** Why a row (or the file, line 0/1) is refused: line, column name, the value, the reason. */
public record RowError(long line, String field, String value, String message, Wording wording) {
  /** A refusal the window shows in English (no key yet). */
  public RowError(long line, String field, String value, String message) {
    this(line, field, value, message, null);
  }

  /** "clients.csv, line 12, field email: "x@" is not an e-mail address". */
  public String describe(String file) {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(", line ").append(line);
    }
    if (field != null && !field.isEmpty()) {
      b.append(", field ").append(field);
    }
    return b.append(": ").append(message).toString();
  }
}
