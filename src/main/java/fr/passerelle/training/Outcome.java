package fr.passerelle.training;

/** Where the person is six months after the end of the training. */
public enum Outcome {
  EMPLOYED_TARGET,
  EMPLOYED_OTHER,
  SEEKING,
  UNKNOWN;

  private static final String[] FRENCH = {
    "En emploi dans le métier visé", "En emploi dans un autre métier", "En recherche", "Inconnu"
  };

  /** The French label, for the timeline notes (the UI uses its bundle). */
  public String frenchLabel() {
    return FRENCH[ordinal()];
  }

  public boolean isEmployed() {
    return this == EMPLOYED_TARGET || this == EMPLOYED_OTHER;
  }
}
