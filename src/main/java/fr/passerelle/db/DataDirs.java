package fr.passerelle.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the data lives: {@code --data-dir}, else $PASSERELLE_DATA_DIR, else the user data folder of
 * the operating system — {@code %LOCALAPPDATA%\Passerelle} on Windows (local, not roaming: an H2
 * file does not belong on a roaming profile), {@code ~/Library/Application Support/Passerelle} on
 * macOS, {@code $XDG_DATA_HOME/passerelle} or {@code ~/.local/share/passerelle} elsewhere. The
 * settings (language, window) live in the database, so they follow the data folder.
 */
public final class DataDirs {
  public static final String ENV = "PASSERELLE_DATA_DIR";

  private DataDirs() {}

  public static Path resolve(Path explicit, Map<String, String> env) {
    return resolve(
        explicit, env, System.getProperty("os.name", ""), System.getProperty("user.home"));
  }

  /** The same, for the operating system {@code osName} and the home folder {@code home}. */
  public static Path resolve(Path explicit, Map<String, String> env, String osName, String home) {
    if (explicit != null) {
      return explicit.toAbsolutePath();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return osDefault(osName, home, env);
  }

  static Path osDefault(String osName, String home, Map<String, String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      return (local != null && !local.isBlank())
          ? Path.of(local, "Passerelle")
          : Path.of(home, "AppData", "Local", "Passerelle");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Path.of(home, "Library", "Application Support", "Passerelle");
    }
    // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg != null && xdg.startsWith("/"))
        ? Path.of(xdg, "passerelle")
        : Path.of(home, ".local", "share", "passerelle");
  }
}
