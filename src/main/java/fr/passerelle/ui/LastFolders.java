package fr.passerelle.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The folder last chosen for each purpose of a file or folder chooser ("candidates-import",
 * "sync-card"…), for the session: the next chooser for the same purpose opens there (ADR 0193).
 */
final class LastFolders {
  private final Map<String, Path> last = new HashMap<>();

  /** Remembers where {@code chosen} is: its folder for a file, itself for a folder. */
  void chosen(String purpose, Path chosen, boolean isFile) {
    Path folder = isFile ? chosen.toAbsolutePath().getParent() : chosen;
    if (folder != null) {
      last.put(purpose, folder);
    }
  }

  /** The folder last chosen for {@code purpose}, if it is still there. */
  Optional<Path> folder(String purpose) {
    return Optional.ofNullable(last.get(purpose)).filter(Files::isDirectory);
  }
}
