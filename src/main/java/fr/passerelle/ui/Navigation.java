package fr.passerelle.ui;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What one view asks the shell to show in another, typed by target: a sealed interface per target
 * feature, a record per thing that feature can be asked. The shell selects the {@link #target()}
 * entry and hands it the request ({@link FeatureView#show}); the target must apply every request of
 * its interface ({@code NavigationContractTest} fails on one it ignores), so a link can no longer
 * be dropped silently as a filter string nobody parsed.
 */
public sealed interface Navigation {
  /** The id of the navigation entry that handles it ({@link FeatureView#id()}). */
  String target();

  /** Just shows an entry, as a click on the rail does; handled by the shell itself. */
  record Show(String target) implements Navigation {}

  /** Requests to "Candidats". */
  sealed interface ToCandidates extends Navigation {
    @Override
    default String target() {
      return "candidates";
    }
  }

  /** A candidate's file (a global search hit). */
  record OpenCandidate(UUID id) implements ToCandidates {}

  /** Requests to "Offres & métiers". */
  sealed interface ToOffers extends Navigation {
    @Override
    default String target() {
      return "offers";
    }
  }

  /** One offer: selected in the list if it is there, else in its form. */
  record OpenOffer(UUID id) implements ToOffers {}

  /** The occupations tab (a global search hit on an occupation: its ROME code). */
  record OpenOccupation(String romeCode) implements ToOffers {}

  /**
   * The open offers of one origin ({@code offers.OfferSource} name: FRANCE_TRAVAIL, TEMP_AGENCY),
   * or of any origin when null.
   */
  record OffersBySource(String source) implements ToOffers {}

  /** The open offers flagged hard to fill. */
  record HardToFillOffers() implements ToOffers {}

  /** Requests to "Réunions". */
  sealed interface ToMeetings extends Navigation {
    @Override
    default String target() {
      return "meetings";
    }
  }

  /** One meeting (a global search hit). */
  record OpenMeeting(UUID id) implements ToMeetings {}

  /** The meeting form, prefilled with an occupation and maybe one of its offers. */
  record NewMeeting(ActionRequest about) implements ToMeetings {}

  /** The meetings of one status ({@code meetings.MeetingStatus} name: PLANNED, HELD…). */
  record MeetingsWithStatus(String status) implements ToMeetings {}

  /** Requests to "Formation". */
  sealed interface ToTraining extends Navigation {
    @Override
    default String target() {
      return "training";
    }
  }

  /** The path form, prefilled with a target occupation and maybe one of its offers. */
  record NewTrainingPath(ActionRequest about) implements ToTraining {}

  /**
   * The board, where paths are in one column per status ({@code training.TrainingStatus} name); the
   * status names the figure the user came from.
   */
  record TrainingBoard(String status) implements ToTraining {}

  /** Requests to "Synchro". */
  sealed interface ToSync extends Navigation {
    @Override
    default String target() {
      return "sync";
    }
  }

  /** Imports a sync file (opened with the application, or dropped on it). */
  record ImportSyncFile(Path file) implements ToSync {}
}
