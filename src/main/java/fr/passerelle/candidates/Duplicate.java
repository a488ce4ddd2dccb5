package fr.passerelle.candidates;

/** An existing candidate that looks like the same person, and why. */
public record Duplicate(CandidateSummary existing, Reason reason) {
  /** What matched. */
  public enum Reason {
    NAME_AND_BIRTH_DATE,
    EMAIL,
    PHONE
  }
}
