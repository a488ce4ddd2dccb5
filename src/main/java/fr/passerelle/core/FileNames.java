package fr.passerelle.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names that every system accepts. Windows refuses {@code < > : " / \ | ? *}, control
 * characters, a trailing dot or space and the device names (CON, NUL, COM1…) whatever the
 * extension; names made from what a user typed (a meeting's title, an office's name) go through
 * {@link #part}.
 */
public final class FileNames {
  private static final Pattern REFUSED = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1F]");
  private static final Set<String> DEVICES =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
  private static final int MAX_PART = 40;

  private FileNames() {}

  /**
   * A piece of a file name from free text: accents dropped (œ is oe), every run of other characters
   * than ASCII letters and digits made one dash, at most 40 characters; {@code fallback} when
   * nothing is left.
   */
  public static String part(String text, String fallback) {
    String t =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("Œ", "OE")
            .replace("œ", "oe")
            .replace("Æ", "AE")
            .replace("æ", "ae")
            .replaceAll("[^A-Za-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (t.length() > MAX_PART) {
      t = t.substring(0, MAX_PART).replaceAll("-+$", "");
    }
    if (t.isEmpty()) {
      return fallback;
    }
    // "CON" alone would name the console device on Windows, even as CON.csv
    return DEVICES.contains(t.toUpperCase(Locale.ROOT)) ? "_" + t : t;
  }

  /** Whether Windows (and so every system Passerelle runs on) accepts {@code name} as a name. */
  public static boolean acceptedEverywhere(String name) {
    if (name.isEmpty() || name.length() > 255 || REFUSED.matcher(name).find()) {
      return false;
    }
    if (name.endsWith(".") || name.endsWith(" ")) {
      return false;
    }
    int dot = name.indexOf('.');
    String base = (dot < 0 ? name : name.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
    return !DEVICES.contains(base);
  }
}
