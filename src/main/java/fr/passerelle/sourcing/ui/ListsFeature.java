package fr.passerelle.sourcing.ui;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.UiContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Navigation entry "Listes" (sourcing lists). */
public final class ListsFeature implements FeatureView {
  private final UiContext ctx;
  private ListsView view;

  public ListsFeature(UiContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String id() {
    return "lists";
  }

  @Override
  public String titleKey() {
    return "lists.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignF.FORMAT_LIST_CHECKS;
  }

  @Override
  public Node build() {
    view = new ListsView(ctx);
    return view;
  }

  @Override
  public void onShow() {
    if (view != null) {
      view.vm.refresh();
    }
  }
}
