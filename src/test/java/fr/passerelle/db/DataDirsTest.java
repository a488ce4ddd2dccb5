package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data folder of each operating system, with its environment injected. Windows paths are built
 * here with Linux's separator: the test checks which folder is chosen, not how it is spelled.
 */
class DataDirsTest {
  private static final String WIN_HOME = "C:\\Users\\Hélène Dupont";
  private static final String LOCAL = WIN_HOME + "\\AppData\\Local";

  @Test
  void windowsUsesLocalAppData() {
    Path p =
        DataDirs.resolve(
            null,
            Map.of("LOCALAPPDATA", LOCAL, "APPDATA", WIN_HOME + "\\AppData\\Roaming"),
            "Windows 11",
            WIN_HOME);
    assertThat(p.getFileName()).hasToString("Passerelle");
    assertThat(p.getParent()).hasToString(LOCAL);
  }

  @Test
  void windowsWithoutLocalAppDataFallsBackToTheProfilesLocalFolderNotTheProfileItself() {
    Path p = DataDirs.resolve(null, Map.of(), "Windows 10", WIN_HOME);
    assertThat(p).isEqualTo(Path.of(WIN_HOME, "AppData", "Local", "Passerelle"));
  }

  @Test
  void macOsUsesApplicationSupportWhateverXdgSays() {
    Path p =
        DataDirs.resolve(
            null, Map.of("XDG_DATA_HOME", "/tmp/xdg"), "Mac OS X", "/Users/helene.dupont");
    assertThat(p).isEqualTo(Path.of("/Users/helene.dupont/Library/Application Support/Passerelle"));
  }

  @Test
  void linuxFollowsXdgDataHomeWhenItIsAbsolute() {
    String home = "/home/hélène dupont";
    assertThat(DataDirs.resolve(null, Map.of(), "Linux", home))
        .isEqualTo(Path.of(home, ".local/share/passerelle"));
    assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "/data/hd"), "Linux", home))
        .isEqualTo(Path.of("/data/hd/passerelle"));
    // the XDG specification: a relative path is invalid and ignored; so is an empty one
    assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "data"), "Linux", home))
        .isEqualTo(Path.of(home, ".local/share/passerelle"));
    assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", ""), "FreeBSD", home))
        .isEqualTo(Path.of(home, ".local/share/passerelle"));
  }

  @Test
  void theOptionWinsOverTheVariableWhichWinsOverTheSystem() {
    Map<String, String> env = Map.of(DataDirs.ENV, "/srv/passerelle", "LOCALAPPDATA", LOCAL);
    assertThat(DataDirs.resolve(null, env, "Windows 11", WIN_HOME))
        .isEqualTo(Path.of("/srv/passerelle"));
    assertThat(DataDirs.resolve(Path.of("/tmp/Hélène Dupont/données"), env, "Windows 11", WIN_HOME))
        .isEqualTo(Path.of("/tmp/Hélène Dupont/données"));
    assertThat(DataDirs.resolve(null, Map.of(DataDirs.ENV, " "), "Linux", "/home/h"))
        .isEqualTo(Path.of("/home/h/.local/share/passerelle"));
  }
}
