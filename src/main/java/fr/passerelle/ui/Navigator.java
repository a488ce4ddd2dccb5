package fr.passerelle.ui;

/**
 * Opens another entry of the navigation rail, handed by the shell to each view through {@link
 * FeatureView#setNavigator} (no global state: a view can only navigate within its own shell).
 */
@FunctionalInterface
public interface Navigator {
  /**
   * Shows the view {@code request.target()} and hands it the request (see {@link
   * FeatureView#show}); a target this account may not open does nothing.
   */
  void open(Navigation request);
}
