package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which encoding a CSV file is in, decided from all its bytes in one streamed pass: UTF-8 (with or
 * without a BOM) when every byte sequence is valid UTF-8, otherwise Windows-1252 ("ANSI", what
 * French Excel writes for "CSV (séparateur : point-virgule)"). Refused, naming the physical line of
 * the first bad byte: UTF-16, a file that mixes UTF-8 and another encoding, and bytes that are
 * neither UTF-8 nor Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 */
final class CsvEncoding {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The charset to read with, and whether a UTF-8 BOM is to be skipped. */
  record Detected(Charset charset, boolean bom) {
    /** How the import report names the encoding. */
    String label() {
      return charset.equals(WINDOWS_1252) ? "Windows-1252 (ANSI)" : bom ? "UTF-8 (BOM)" : "UTF-8";
    }
  }

  private CsvEncoding() {}

  static Detected detect(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return scan(file, in);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e)
          .keyed("import.file.unreadable", TabularFormat.name(file));
    }
  }

  private static Detected scan(Path file, InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    int n = in.readNBytes(buf, 0, buf.length);
    boolean bom = n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && buf[2] == -65;
    refuseUtf16(file, buf, n);
    long line = 1;
    long firstInvalidLine = 0;
    int firstInvalidByte = 0;
    long firstMultiByteLine = 0;
    long firstUndefinedLine = 0;
    int firstUndefinedByte = 0;
    int pending = 0; // continuation bytes still expected
    int lead = 0; // the byte that started the current sequence
    int lowerBound = 0x80;
    int upperBound = 0xBF;
    int start = bom ? 3 : 0;
    while (n > 0) {
      for (int i = start; i < n; i++) {
        int b = buf[i] & 0xFF;
        if (b == '\n') {
          line++;
        }
        if (firstUndefinedLine == 0 && isUndefinedIn1252(b)) {
          firstUndefinedLine = line;
          firstUndefinedByte = b;
        }
        if (firstInvalidLine != 0) {
          continue;
        }
        if (pending > 0) {
          if (b < lowerBound || b > upperBound) {
            firstInvalidLine = line;
            firstInvalidByte = lead;
            pending = 0;
            continue;
          }
          lowerBound = 0x80;
          upperBound = 0xBF;
          if (--pending == 0 && firstMultiByteLine == 0) {
            firstMultiByteLine = line;
          }
          continue;
        }
        if (b < 0x80) {
          continue;
        }
        lead = b;
        if (b >= 0xC2 && b <= 0xDF) {
          pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
          pending = 2;
          lowerBound = b == 0xE0 ? 0xA0 : 0x80;
          upperBound = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
          pending = 3;
          lowerBound = b == 0xF0 ? 0x90 : 0x80;
          upperBound = b == 0xF4 ? 0x8F : 0xBF;
        } else {
          firstInvalidLine = line;
          firstInvalidByte = b;
        }
      }
      start = 0;
      n = in.readNBytes(buf, 0, buf.length);
    }
    if (pending > 0 && firstInvalidLine == 0) {
      firstInvalidLine = line;
      firstInvalidByte = lead;
    }
    if (firstInvalidLine == 0) {
      return new Detected(StandardCharsets.UTF_8, bom);
    }
    if (bom || firstMultiByteLine != 0) {
      throw new InvalidInputException(
              file
                  + ", line "
                  + firstInvalidLine
                  + ": "
                  + describe(firstInvalidByte)
                  + " is not UTF-8, although "
                  + (bom ? "the file starts with a UTF-8 mark (BOM)" : "line " + firstMultiByteLine)
                  + " is UTF-8: the file mixes two encodings (pasted from another file?); in Excel,"
                  + " save it again as \"CSV UTF-8 (délimité par des points-virgules)\"")
          .keyed("import.file.mixedEncodings", TabularFormat.name(file), firstInvalidLine);
    }
    if (firstUndefinedLine != 0) {
      throw new InvalidInputException(
              file
                  + ", line "
                  + firstUndefinedLine
                  + ": "
                  + describe(firstUndefinedByte)
                  + " is a character neither in UTF-8 nor in Windows-1252 (ANSI): the file is in"
                  + " another encoding; in Excel, save it as \"CSV UTF-8 (délimité par des"
                  + " points-virgules)\"")
          .keyed("import.file.unknownEncoding", TabularFormat.name(file), firstUndefinedLine);
    }
    return new Detected(WINDOWS_1252, false);
  }

  /** UTF-16 with or without its mark: many NUL bytes at the start. */
  private static void refuseUtf16(Path file, byte[] head, int n) {
    boolean mark =
        n >= 2
            && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
    int nul = 0;
    int look = Math.min(n, 1024);
    for (int i = 0; i < look; i++) {
      if (head[i] == 0) {
        nul++;
      }
    }
    if (mark || look >= 16 && nul * 4 > look) {
      throw new InvalidInputException(
              file
                  + ": the file is UTF-16 (\"Unicode text\") or binary, expected CSV with semicolons"
                  + " (UTF-8 or Windows-1252)")
          .keyed("import.file.utf16", TabularFormat.name(file));
    }
    if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
      throw new InvalidInputException(
              file + ": this is an Excel workbook (.xlsx) named .csv: rename it to .xlsx")
          .keyed("import.file.xlsxNamedCsv", TabularFormat.name(file));
    }
  }

  /** The five bytes Windows-1252 leaves undefined. */
  private static boolean isUndefinedIn1252(int b) {
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
  }

  private static String describe(int b) {
    return "byte " + hex(b);
  }

  private static String hex(int b) {
    return "0x" + Integer.toHexString(b).toUpperCase(Locale.ROOT);
  }
}
