package fr.passerelle.candidates.ui;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.UiContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** Navigation entry "Candidats". */
public final class CandidatesFeature implements FeatureView {
  private final UiContext ctx;
  private CandidatesView view;

  public CandidatesFeature(UiContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String id() {
    return "candidates";
  }

  @Override
  public String titleKey() {
    return "candidates.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignA.ACCOUNT_SEARCH_OUTLINE;
  }

  @Override
  public Node build() {
    view = new CandidatesView(ctx);
    return view;
  }

  @Override
  public void onShow() {
    if (view != null) {
      view.onShow();
    }
  }

  @Override
  public fr.passerelle.ui.UnsavedChanges unsaved() {
    return view == null ? fr.passerelle.ui.UnsavedChanges.NONE : view.unsaved();
  }

  /** Opened on one candidate (a global search hit). */
  @Override
  public boolean show(Navigation request) {
    if (view != null && request instanceof Navigation.OpenCandidate o) {
      view.openCandidate(o.id());
      return true;
    }
    return false;
  }
}
