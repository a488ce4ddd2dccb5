package fr.passerelle.tabular;

/** A value the import changed on its way in, and why ("leading zero restored"). */
public record RowCorrection(
    long line, String field, String from, String to, String why, Wording wording) {
  /** A correction the window shows in English (no key yet). */
  public RowCorrection(long line, String field, String from, String to, String why) {
    this(line, field, from, to, why, null);
  }

  /** "candidats.csv, line 12, field commune: "9261" → "09261" (leading zero restored)". */
  public String describe(String file) {
    return file
        + ", line "
        + line
        + ", field "
        + field
        + ": \""
        + from
        + "\" → \""
        + to
        + "\" ("
        + why
        + ")";
  }
}
