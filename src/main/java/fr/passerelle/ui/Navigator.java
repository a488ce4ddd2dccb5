package fr.passerelle.ui;

/**
 * Opens another entry of the navigation rail, handed by the shell to each view through {@link
 * FeatureView#setNavigator} (no global state: a view can only navigate within its own shell).
 */
@FunctionalInterface
public interface Navigator {
  /**
   * Shows the view {@code featureId} ("offers", "training"...) and hands it {@code filter} (see
   * {@link FeatureView#showFiltered}); an unknown id does nothing.
   */
  void open(String featureId, String filter);
}
