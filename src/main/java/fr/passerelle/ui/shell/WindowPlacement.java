package fr.passerelle.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the window opens (issue 19, item 1): where it was last closed on this workstation, if that
 * still fits the screen; else maximised on a small screen (a 1366×768 office laptop: every pixel
 * counts) and 1280×800 centred on a larger one. Remembered in {@code window.properties} in the data
 * folder (one per workstation).
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
  static final String FILE = "window.properties";

  /** Below this width or height the window opens maximised. */
  private static final double SMALL_WIDTH = 1440;

  private static final double SMALL_HEIGHT = 900;
  private static final double DEFAULT_WIDTH = 1280;
  private static final double DEFAULT_HEIGHT = 800;

  /** At least this much of a remembered window must be on the screen to be used again. */
  private static final double VISIBLE = 200;

  /** Screen's usable area: {@code (minX, minY, width, height)}. */
  record Screen(double minX, double minY, double width, double height) {}

  /** The placement for {@code screen}, from what was remembered (may be empty). */
  static WindowPlacement initial(Screen screen, Properties saved) {
    WindowPlacement last = parse(saved);
    if (last != null && fits(last, screen)) {
      return last.clampedTo(screen);
    }
    boolean small = screen.width() < SMALL_WIDTH || screen.height() < SMALL_HEIGHT;
    if (small) {
      // the whole usable area, also where nothing maximises the window (no window manager)
      return new WindowPlacement(
          screen.minX(), screen.minY(), screen.width(), screen.height(), true);
    }
    double w = Math.min(DEFAULT_WIDTH, screen.width());
    double h = Math.min(DEFAULT_HEIGHT, screen.height());
    return new WindowPlacement(
        screen.minX() + (screen.width() - w) / 2,
        screen.minY() + (screen.height() - h) / 2,
        w,
        h,
        false);
  }

  /** The placement remembered in {@code dataDir} (empty properties if none or unreadable). */
  static Properties load(Path dataDir) {
    Properties p = new Properties();
    Path file = dataDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        p.clear(); // a damaged file only costs the default placement
      }
    }
    return p;
  }

  /** Remembers this placement in {@code dataDir}; a failure only costs it. */
  void save(Path dataDir) {
    Properties p = new Properties();
    p.setProperty("x", String.valueOf(x));
    p.setProperty("y", String.valueOf(y));
    p.setProperty("width", String.valueOf(width));
    p.setProperty("height", String.valueOf(height));
    p.setProperty("maximized", String.valueOf(maximized));
    try (OutputStream out = Files.newOutputStream(dataDir.resolve(FILE))) {
      p.store(out, "Passerelle: where the window was last closed on this workstation");
    } catch (IOException e) {
      System.getLogger(WindowPlacement.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot remember the window's placement", e);
    }
  }

  private static WindowPlacement parse(Properties p) {
    try {
      return new WindowPlacement(
          Double.parseDouble(p.getProperty("x")),
          Double.parseDouble(p.getProperty("y")),
          Double.parseDouble(p.getProperty("width")),
          Double.parseDouble(p.getProperty("height")),
          Boolean.parseBoolean(p.getProperty("maximized")));
    } catch (NullPointerException | NumberFormatException e) {
      return null;
    }
  }

  /** Enough of it on this screen (a screen unplugged since, a smaller one). */
  private static boolean fits(WindowPlacement w, Screen s) {
    double visibleW = Math.min(w.x + w.width, s.minX() + s.width()) - Math.max(w.x, s.minX());
    double visibleH = Math.min(w.y + w.height, s.minY() + s.height()) - Math.max(w.y, s.minY());
    return w.width > 0 && w.height > 0 && visibleW >= VISIBLE && visibleH >= VISIBLE;
  }

  private WindowPlacement clampedTo(Screen s) {
    double w = Math.min(width, s.width());
    double h = Math.min(height, s.height());
    double nx = Math.max(s.minX(), Math.min(x, s.minX() + s.width() - w));
    double ny = Math.max(s.minY(), Math.min(y, s.minY() + s.height() - h));
    return new WindowPlacement(nx, ny, w, h, maximized);
  }
}
