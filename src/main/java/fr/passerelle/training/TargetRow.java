package fr.passerelle.training;

/** Reconversions toward one target occupation. */
public record TargetRow(
    String romeCode,
    String label,
    boolean hardToFill,
    int paths,
    int inTraining,
    int completed,
    int employed) {}
