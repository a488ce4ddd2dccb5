package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.UiContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The "Réunions" entry of the navigation rail. */
public final class MeetingsFeature implements FeatureView {
  private final UiContext ctx;
  private final MeetingDialogs dialogs;
  private MeetingsViewModel vm;
  private MeetingsView view;

  public MeetingsFeature(UiContext ctx) {
    this(ctx, MeetingDialogs.system(ctx.dialogs()));
  }

  public MeetingsFeature(UiContext ctx, MeetingDialogs dialogs) {
    this.ctx = ctx;
    this.dialogs = dialogs;
  }

  @Override
  public String id() {
    return "meetings";
  }

  @Override
  public String titleKey() {
    return "meetings.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignC.CALENDAR_MONTH;
  }

  @Override
  public Node build() {
    vm = new MeetingsViewModel(ctx);
    // the participants follow what colleagues do on other workstations (office server, ADR 0181)
    ctx.followChanges(vm::followChanges);
    view = new MeetingsView(vm, dialogs);
    return view.root();
  }

  @Override
  public void onShow() {
    if (vm != null) {
      vm.refresh();
    }
  }

  @Override
  public fr.passerelle.ui.UnsavedChanges unsaved() {
    return view == null ? fr.passerelle.ui.UnsavedChanges.NONE : view.unsaved();
  }

  /**
   * Opened by another view to start a meeting about an occupation or an offer, on one meeting (a
   * global search hit), or on the meetings of one status (a dashboard figure).
   */
  @Override
  public boolean show(Navigation request) {
    if (view == null) {
      return false;
    }
    if (request instanceof Navigation.NewMeeting n) {
      view.newMeetingAbout(n.about());
    } else if (request instanceof Navigation.OpenMeeting o) {
      vm.open(o.id());
    } else if (request instanceof Navigation.MeetingsWithStatus s) {
      vm.statusFilter.set(s.status() == null ? null : MeetingStatus.valueOf(s.status()));
    } else {
      return false;
    }
    return true;
  }
}
