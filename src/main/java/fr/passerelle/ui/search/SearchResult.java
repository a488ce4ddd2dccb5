package fr.passerelle.ui.search;

import fr.passerelle.ui.Navigation;
import java.util.UUID;

/**
 * One result of the global search: what to show, and where it leads ({@code featureId} is the
 * navigation entry to open; {@code recordId} the record in it, for views that can open one).
 */
public record SearchResult(String title, String detail, String featureId, String recordId) {
  /** The request that opens this hit: its record in its view, else just the view. */
  public Navigation destination() {
    if (recordId == null) {
      return new Navigation.Show(featureId);
    }
    switch (featureId) {
      case "candidates":
        return new Navigation.OpenCandidate(UUID.fromString(recordId));
      case "meetings":
        return new Navigation.OpenMeeting(UUID.fromString(recordId));
      case "offers":
        // an occupation's id is its ROME code, an offer's a UUID
        return isUuid(recordId)
            ? new Navigation.OpenOffer(UUID.fromString(recordId))
            : new Navigation.OpenOccupation(recordId);
      default:
        return new Navigation.Show(featureId);
    }
  }

  private static boolean isUuid(String s) {
    try {
      UUID.fromString(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
