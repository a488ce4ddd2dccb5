package fr.passerelle.offers.ui;

import fr.passerelle.offers.OfferSource;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.Navigator;
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
  public void setNavigator(Navigator navigator) {
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

  @Override
  public fr.passerelle.ui.UnsavedChanges unsaved() {
    return view == null ? fr.passerelle.ui.UnsavedChanges.NONE : view.unsaved();
  }

  /**
   * Opened on one offer, or on the occupations tab for an occupation (global search hits), or on
   * the offers of one origin or those hard to fill (dashboard figures).
   */
  @Override
  public boolean show(Navigation request) {
    if (view == null || !(request instanceof Navigation.ToOffers to)) {
      return false;
    }
    if (to instanceof Navigation.OpenOffer o) {
      view.openOffer(o.id());
    } else if (to instanceof Navigation.OpenOccupation) {
      view.openOccupations();
    } else if (to instanceof Navigation.OffersBySource s) {
      view.showOffers(s.source() == null ? null : OfferSource.valueOf(s.source()), false);
    } else if (to instanceof Navigation.HardToFillOffers) {
      view.showOffers(null, true);
    } else {
      return false;
    }
    return true;
  }
}
