package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks an .xlsx before the workbook reader opens it, so that a crafted file ends in a refusal in
 * bounded time and memory instead of an OutOfMemoryError: every part is inflated once, counted and
 * dropped (never kept), and the file is refused as soon as a part inflates to more than {@link
 * #MAX_RATIO} times its compressed size (past {@link #RATIO_FLOOR}), or more than {@link #MAX_PART}
 * (the shared strings, which the reader keeps in memory: {@link #MAX_SHARED_STRINGS}). The reader
 * then reads the same entries through the same library (commons-compress), so what it inflates is
 * what was counted here.
 */
final class XlsxGuard {
  /** Inflated / compressed beyond which a part is a decompression bomb (POI's default too). */
  static final long MAX_RATIO = 100;

  /** Parts smaller than this are not judged on their ratio (tiny, highly repetitive XML). */
  static final long RATIO_FLOOR = 10L << 20;

  /** The largest part (a 600,000-row sheet is about 700 MB of XML). */
  static final long MAX_PART = 2L << 30;

  /** The shared strings, held in memory by the reader. */
  static final long MAX_SHARED_STRINGS = 256L << 20;

  private XlsxGuard() {}

  static void check(Path file) {
    try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
      byte[] buf = new byte[1 << 16];
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName().toLowerCase(Locale.ROOT);
        long max = name.endsWith("sharedstrings.xml") ? MAX_SHARED_STRINGS : MAX_PART;
        long compressed = Math.max(1, e.getCompressedSize());
        long total = 0;
        try (InputStream in = zip.getInputStream(e)) {
          if (in == null) {
            throw refuse(file, e.getName() + " cannot be read (unsupported compression)");
          }
          for (int n = in.read(buf); n > 0; n = in.read(buf)) {
            total += n;
            if (total > max) {
              throw refuse(
                  file, e.getName() + " is larger than " + (max >> 20) + " MB once uncompressed");
            }
            if (total > RATIO_FLOOR && total > compressed * MAX_RATIO) {
              throw refuse(
                  file,
                  e.getName()
                      + " inflates more than "
                      + MAX_RATIO
                      + " times its compressed size (a decompression bomb)");
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw new InvalidInputException(
              file + ": not a readable Excel workbook (.xlsx): " + e.getMessage(), e)
          .keyed("import.file.unreadableXlsx", TabularFormat.name(file));
    }
  }

  private static InvalidInputException refuse(Path file, String why) {
    return (InvalidInputException)
        new InvalidInputException(file + ": refused: " + why)
            .keyed("import.file.refusedXlsx", TabularFormat.name(file));
  }
}
