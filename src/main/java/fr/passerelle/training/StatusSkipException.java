package fr.passerelle.training;

import fr.passerelle.core.InvalidInputException;
import java.util.List;

/** A move that skips or undoes steps was asked without confirmation. Nothing was changed. */
public final class StatusSkipException extends InvalidInputException {
  private final TrainingStatus from;
  private final TrainingStatus to;
  private final List<TrainingStatus> skipped;

  public StatusSkipException(TrainingStatus from, TrainingStatus to) {
    super(
        "Passer de « "
            + from.frenchLabel()
            + " » à « "
            + to.frenchLabel()
            + " »"
            + (from.skippedTo(to).isEmpty()
                ? " n'est pas l'étape suivante"
                : " saute "
                    + String.join(
                        ", ",
                        from.skippedTo(to).stream().map(TrainingStatus::frenchLabel).toList()))
            + " : confirmez ce changement.");
    this.from = from;
    this.to = to;
    this.skipped = from.skippedTo(to);
  }

  public TrainingStatus from() {
    return from;
  }

  public TrainingStatus to() {
    return to;
  }

  public List<TrainingStatus> skipped() {
    return skipped;
  }
}
