package fr.passerelle.ui;

import java.util.UUID;

/**
 * A co-organised action (a meeting, a training path) to start about an occupation and, optionally,
 * one of its offers: the form opens prefilled ({@link Navigation.NewMeeting}, {@link
 * Navigation.NewTrainingPath}).
 */
public record ActionRequest(String romeCode, UUID offerId) {
  public static ActionRequest forOccupation(String romeCode) {
    return new ActionRequest(romeCode, null);
  }

  public static ActionRequest forOffer(String romeCode, UUID offerId) {
    return new ActionRequest(romeCode, offerId);
  }
}
