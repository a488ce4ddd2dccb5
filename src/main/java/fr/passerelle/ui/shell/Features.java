package fr.passerelle.ui.shell;

import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.UiContext;
import java.util.List;
import java.util.Map;

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
        new fr.passerelle.sync.ui.SyncView(ctx),
        new fr.passerelle.accounts.ui.AccountsView(ctx),
        new fr.passerelle.audit.ui.AuditView(ctx));
  }

  /** Which permissions open an entry (any one of them); the services check again. */
  static final Map<String, List<Permission>> OPENED_BY =
      Map.of(
          "dashboard", List.of(Permission.DASHBOARD_READ),
          "meetings", List.of(Permission.MEETINGS_READ),
          "candidates", List.of(Permission.CANDIDATES_READ),
          "offers", List.of(Permission.OFFERS_READ),
          "lists", List.of(Permission.LISTS_READ),
          "training", List.of(Permission.TRAINING_READ, Permission.FUNDING_RULES_MANAGE),
          "sync", List.of(Permission.SYNC_EXCHANGE, Permission.SYNC_TRUST),
          "accounts", List.of(Permission.ACCOUNTS_MANAGE),
          "audit", List.of(Permission.AUDIT_READ));

  /** The entries the signed-in account may open, in order. */
  public static List<FeatureView> visible(UiContext ctx) {
    Access access = ctx.services().access();
    return all(ctx).stream().filter(f -> mayOpen(access, f.id())).toList();
  }

  /** True when the signed-in account holds one of the permissions that open entry {@code id}. */
  public static boolean mayOpen(Access access, String id) {
    return OPENED_BY.getOrDefault(id, List.of()).stream().anyMatch(access::has);
  }
}
