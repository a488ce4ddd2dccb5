package fr.passerelle.offers.ui;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.UiContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

/** Navigation entry "Offres & métiers". */
public final class OffersFeature implements FeatureView {
  private final UiContext ctx;
  private OccupationActions actions = OccupationActions.NONE;
  private OffersView view;

  public OffersFeature(UiContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String id() {
    return "offers";
  }

  @Override
  public String titleKey() {
    return "offers.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignB.BRIEFCASE_OUTLINE;
  }

  /** The actions on an offer or an occupation open the Meetings and Training views. */
  @Override
  public void setNavigator(fr.passerelle.ui.Navigator navigator) {
    actions = OccupationActions.via(navigator);
  }

  @Override
  public Node build() {
    view = new OffersView(ctx, actions);
    return view;
  }

  @Override
  public void onShow() {
    if (view != null) {
      view.vm.refresh();
    }
  }

  /** Opened on one offer, or on the occupations tab for an occupation (global search hits). */
  @Override
  public void showFiltered(String filter) {
    if (view != null) {
      fr.passerelle.ui.OpenRequest.parse(filter).ifPresent(view::open);
    }
  }
}
