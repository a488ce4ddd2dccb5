package fr.passerelle.meetings.ui;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.UiContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The "Réunions" entry of the navigation rail. */
public final class MeetingsFeature implements FeatureView {
  private final UiContext ctx;
  private final MeetingDialogs dialogs;
  private MeetingsViewModel vm;

  public MeetingsFeature(UiContext ctx) {
    this(ctx, MeetingDialogs.system());
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
    return new MeetingsView(vm, dialogs).root();
  }

  @Override
  public void onShow() {
    if (vm != null) {
      vm.refresh();
    }
  }
}
