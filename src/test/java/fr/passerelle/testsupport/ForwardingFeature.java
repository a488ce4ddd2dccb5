package fr.passerelle.testsupport;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.Navigator;
import fr.passerelle.ui.UnsavedChanges;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A feature that does what {@code f} does: tests override what they record. */
public class ForwardingFeature implements FeatureView {
  protected final FeatureView f;

  public ForwardingFeature(FeatureView f) {
    this.f = f;
  }

  @Override
  public String id() {
    return f.id();
  }

  @Override
  public String titleKey() {
    return f.titleKey();
  }

  @Override
  public Ikon icon() {
    return f.icon();
  }

  @Override
  public Node build() {
    return f.build();
  }

  @Override
  public void onShow() {
    f.onShow();
  }

  @Override
  public void setNavigator(Navigator navigator) {
    f.setNavigator(navigator);
  }

  @Override
  public boolean show(Navigation request) {
    return f.show(request);
  }

  @Override
  public UnsavedChanges unsaved() {
    return f.unsaved();
  }
}
