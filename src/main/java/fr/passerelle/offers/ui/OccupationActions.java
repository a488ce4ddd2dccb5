package fr.passerelle.offers.ui;

import fr.passerelle.ui.ActionRequest;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.Navigator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The hook through which the occupations table and an offer start a co-organised action that
 * another feature owns: a meeting (Meetings view) or a training path (Training view), opened with
 * the occupation (and offer) prefilled.
 */
public record OccupationActions(
    Optional<Consumer<ActionRequest>> startMeeting,
    Optional<Consumer<ActionRequest>> startTraining) {
  public static final OccupationActions NONE =
      new OccupationActions(Optional.empty(), Optional.empty());

  /** Actions that open the Meetings or Training view through the shell's navigator. */
  public static OccupationActions via(Navigator navigator) {
    return new OccupationActions(
        Optional.of(r -> navigator.open(new Navigation.NewMeeting(r))),
        Optional.of(r -> navigator.open(new Navigation.NewTrainingPath(r))));
  }
}
