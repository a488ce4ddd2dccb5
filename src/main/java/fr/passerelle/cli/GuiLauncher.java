package fr.passerelle.cli;

import java.nio.file.Path;

/** Opens the window on a data folder and returns when it is closed; a stand-in in tests. */
@FunctionalInterface
public interface GuiLauncher {
  /**
   * Opens the window on {@code dataDir}; with a {@code syncFile} (double-clicked, null otherwise)
   * the Synchro view imports it.
   */
  void launch(Path dataDir, Path syncFile);
}
