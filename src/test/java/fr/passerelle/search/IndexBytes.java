package fr.passerelle.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Tests: whether a text stands in the bytes of any file under a folder (the index's files). */
public final class IndexBytes {
  private IndexBytes() {}

  /**
   * True when {@code text}, in lower case (as the index's terms) or as given (its stored fields),
   * stands in the UTF-8 bytes of a file under {@code folder}.
   */
  public static boolean anyHolds(Path folder, String text) throws IOException {
    List<byte[]> needles =
        List.of(
            text.getBytes(StandardCharsets.UTF_8),
            text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      byte[] all = Files.readAllBytes(f);
      for (byte[] n : needles) {
        if (indexOf(all, n) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where {@code t} first stands in {@code all}, or -1. */
  public static int indexOf(byte[] all, byte[] t) {
    outer:
    for (int i = 0; i + t.length <= all.length; i++) {
      for (int j = 0; j < t.length; j++) {
        if (all[i + j] != t[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
