package fr.passerelle.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the data lives: {@code --data-dir}, else $PASSERELLE_DATA_DIR, else the OS data dir. */
public final class DataDirs {
  public static final String ENV = "PASSERELLE_DATA_DIR";

  private DataDirs() {}

  public static Path resolve(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return explicit.toAbsolutePath();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return osDefault(System.getProperty("os.name", ""), System.getProperty("user.home"), env);
  }

  static Path osDefault(String osName, String home, Map<String, String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String local = env.get("LOCALAPPDATA");
      return Path.of(local != null ? local : home, "Passerelle");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "Passerelle");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank())
        ? Path.of(xdg, "passerelle")
        : Path.of(home, ".local", "share", "passerelle");
  }
}
