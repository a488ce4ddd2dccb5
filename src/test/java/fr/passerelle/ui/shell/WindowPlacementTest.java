package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.ui.shell.WindowPlacement.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {
  /** A 1366×768 laptop, the task bar (40 px) taken off. */
  private static final Screen LAPTOP = new Screen(0, 0, 1366, 728);

  private static final Screen FULL_HD = new Screen(0, 0, 1920, 1040);

  @TempDir Path dir;

  @Test
  void aSmallScreenOpensMaximisedAndALargeOneCentred() {
    assertThat(WindowPlacement.initial(LAPTOP, new Properties()))
        .isEqualTo(new WindowPlacement(0, 0, 1366, 728, true));
    WindowPlacement large = WindowPlacement.initial(FULL_HD, new Properties());
    assertThat(large.maximized()).isFalse();
    assertThat(large).isEqualTo(new WindowPlacement(320, 120, 1280, 800, false));
  }

  @Test
  void theWindowOpensWhereItWasClosed() {
    new WindowPlacement(100, 50, 1500, 900, false).save(dir);
    assertThat(WindowPlacement.initial(FULL_HD, WindowPlacement.load(dir)))
        .isEqualTo(new WindowPlacement(100, 50, 1500, 900, false));
    new WindowPlacement(0, 0, 1366, 728, true).save(dir);
    assertThat(WindowPlacement.initial(FULL_HD, WindowPlacement.load(dir)).maximized()).isTrue();
  }

  @Test
  void aPlaceOffTheScreenOrTooLargeIsBroughtBack() {
    // closed on a second screen that is gone: the default placement
    new WindowPlacement(2500, 100, 1200, 800, false).save(dir);
    assertThat(WindowPlacement.initial(LAPTOP, WindowPlacement.load(dir)).maximized()).isTrue();
    // closed large on a Full HD screen, opened on the laptop: within its usable area
    new WindowPlacement(200, 100, 1700, 950, false).save(dir);
    WindowPlacement p = WindowPlacement.initial(LAPTOP, WindowPlacement.load(dir));
    assertThat(p.x() + p.width()).isLessThanOrEqualTo(1366);
    assertThat(p.y() + p.height()).isLessThanOrEqualTo(728);
  }

  @Test
  void aDamagedFileOnlyCostsTheDefault() throws Exception {
    Files.writeString(dir.resolve(WindowPlacement.FILE), "x=left\nwidth=\\u12");
    assertThat(WindowPlacement.initial(LAPTOP, WindowPlacement.load(dir)).maximized()).isTrue();
  }
}
