package fr.passerelle.ui;

import java.util.List;

/**
 * The entries of the navigation rail, in order (Ctrl+1…7). Each feature registers its view here;
 * until then the shell shows a read-only placeholder (replace its line with your view).
 */
public final class Features {
  private Features() {}

  public static List<FeatureView> all(UiContext ctx) {
    return List.of(
        new fr.passerelle.dashboard.ui.DashboardView(ctx),
        new fr.passerelle.meetings.ui.MeetingsFeature(ctx),
        new fr.passerelle.candidates.ui.CandidatesFeature(ctx),
        new fr.passerelle.offers.ui.OffersFeature(ctx),
        new fr.passerelle.sourcing.ui.ListsFeature(ctx),
        new fr.passerelle.training.ui.TrainingView(ctx),
        new fr.passerelle.sync.ui.SyncView(ctx));
  }
}
