package fr.passerelle.tabular;

/** What to do when some rows are invalid. */
public enum ImportMode {
  /** The default: one invalid row and nothing is imported. */
  ALL_OR_NOTHING,
  /** Chosen explicitly by the counselor after seeing the report: the valid rows are imported. */
  VALID_ROWS_ONLY
}
