package fr.passerelle.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a training path, in order. A path moves one step forward at a time, or to {@link
 * #DROPPED} from any open step; any other move (a jump forward, a step back, reopening a dropped or
 * employed path) skips or undoes steps and must be confirmed.
 */
public enum TrainingStatus {
  IDEA,
  APPLIED,
  FUNDED,
  IN_TRAINING,
  COMPLETED,
  EMPLOYED,
  DROPPED;

  private static final String[] FRENCH = {
    "Idée", "Candidature", "Financé", "En formation", "Terminé", "En emploi", "Abandon"
  };

  /** The French label, for messages (the UI uses its bundle). */
  public String frenchLabel() {
    return FRENCH[ordinal()];
  }

  /** The steps of the main line, without DROPPED. */
  public static final List<TrainingStatus> LINE =
      List.of(IDEA, APPLIED, FUNDED, IN_TRAINING, COMPLETED, EMPLOYED);

  /** True for the end states (no further step). */
  public boolean isFinal() {
    return this == EMPLOYED || this == DROPPED;
  }

  /** The next step of the main line, or null at its end or when dropped. */
  public TrainingStatus next() {
    int i = LINE.indexOf(this);
    return i < 0 || i == LINE.size() - 1 ? null : LINE.get(i + 1);
  }

  /** The previous step of the main line, or null. */
  public TrainingStatus previous() {
    int i = LINE.indexOf(this);
    return i <= 0 ? null : LINE.get(i - 1);
  }

  /** True if moving from this status to {@code to} needs no confirmation. */
  public boolean isDirectMove(TrainingStatus to) {
    if (to == this) {
      return false;
    }
    if (to == DROPPED) {
      return !isFinal();
    }
    return next() == to;
  }

  /**
   * The steps of the main line a move jumps over (empty for a direct move; for a step back or a
   * reopening, the steps undone are not listed: the move is simply not direct).
   */
  public List<TrainingStatus> skippedTo(TrainingStatus to) {
    List<TrainingStatus> skipped = new ArrayList<>();
    int a = LINE.indexOf(this);
    int b = LINE.indexOf(to);
    if (a >= 0 && b > a + 1) {
      skipped.addAll(LINE.subList(a + 1, b));
    }
    return skipped;
  }
}
