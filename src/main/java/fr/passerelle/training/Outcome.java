package fr.passerelle.training;

/** Where the person is six months after the end of the training. */
public enum Outcome {
  EMPLOYED_TARGET,
  EMPLOYED_OTHER,
  SEEKING,
  UNKNOWN;

  public boolean isEmployed() {
    return this == EMPLOYED_TARGET || this == EMPLOYED_OTHER;
  }
}
