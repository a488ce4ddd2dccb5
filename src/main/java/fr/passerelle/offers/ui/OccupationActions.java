package fr.passerelle.offers.ui;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The hook through which the occupations table starts a co-organised action that another feature
 * owns: a meeting (Meetings view) or a training path (Training view), opened with the occupation
 * prefilled. Empty until those features wire themselves in {@code ui/Features}.
 */
public record OccupationActions(
    Optional<Consumer<String>> startMeeting, Optional<Consumer<String>> startTraining) {
  public static final OccupationActions NONE =
      new OccupationActions(Optional.empty(), Optional.empty());
}
