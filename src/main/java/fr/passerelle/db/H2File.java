package fr.passerelle.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be told of an H2 MVStore file before H2 opens it. H2 2.5.252 opens a file whose chunks
 * it cannot find as a new, empty database and rewrites it at once (DatabaseRecoveryTest): a damaged
 * file must be recognised before H2 touches it, so that it stays as it is for the way back.
 */
final class H2File {
  private static final Pattern FIELD = Pattern.compile("(?:^|,)(block|chunk|clean):([0-9a-f]+)");
  private static final int BLOCK = 4096;

  private H2File() {}

  /** An H2 MVStore file (its header begins "H:2,"), whatever state its chunks are in. */
  static boolean isH2(Path file) {
    return header(file).startsWith("H:2,");
  }

  /**
   * True if the file says it was closed cleanly (H2 then reads its newest chunk where the header
   * says, and nowhere else) but that chunk is not there: H2 would take the file for a new one.
   */
  static boolean cleanHeaderWithoutItsChunk(Path file) {
    String header = header(file);
    if (!header.startsWith("H:2,")) {
      return false;
    }
    String block = null;
    String chunk = null;
    boolean clean = false;
    Matcher m = FIELD.matcher(header.substring(4));
    while (m.find()) {
      switch (m.group(1)) {
        case "block" -> block = m.group(2);
        case "chunk" -> chunk = m.group(2);
        default -> clean = m.group(2).equals("1");
      }
    }
    if (!clean || block == null || chunk == null) {
      return false; // after a crash H2 looks for the newest chunk itself
    }
    String there = read(file, Long.parseLong(block, 16) * BLOCK, 64);
    return !there.startsWith("chunk:" + chunk + ",");
  }

  private static String header(Path file) {
    return read(file, 0, 256);
  }

  private static String read(Path file, long at, int length) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(length);
      ch.read(buf, at);
      return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
