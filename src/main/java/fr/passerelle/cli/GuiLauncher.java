package fr.passerelle.cli;

import java.nio.file.Path;

/** Opens the window on a data folder and returns when it is closed; a stand-in in tests. */
@FunctionalInterface
public interface GuiLauncher {
  void launch(Path dataDir);
}
