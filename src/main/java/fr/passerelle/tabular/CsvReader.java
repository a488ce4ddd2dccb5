package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads French-Excel CSV: semicolons, UTF-8 (the BOM is optional) or Windows-1252 as French Excel
 * saves "CSV (séparateur : point-virgule)" (see {@link CsvEncoding}). A row is read into memory
 * only up to {@link #MAX_ROW_CHARS} characters: a longer one is refused with its line, so that no
 * file, however crafted, holds more than a few MB at a time.
 */
final class CsvReader implements TabularReader {
  /**
   * The longest row read (4 Mi characters, 8 MB): far above the widest legitimate row (19 columns
   * of at most 4,000), so that a field a little too long is reported with its column, and a runaway
   * one (a 30 MB field, a missing closing quote) refuses the file at its line.
   */
  static final int MAX_ROW_CHARS = 4 << 20;

  private final Path file;
  private final long size;
  private final Counting counting;
  private final RowLimit limit;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final CsvEncoding.Detected encoding;

  CsvReader(Path file) {
    this.file = file;
    this.encoding = CsvEncoding.detect(file);
    try {
      this.size = Math.max(1, Files.size(file));
      counting = new Counting(Files.newInputStream(file));
      BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
      if (encoding.bom()) {
        in.skipNBytes(3);
      }
      var decoder =
          encoding
              .charset()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      limit = new RowLimit(new InputStreamReader(in, decoder));
      parser =
          CsvWriter.EXCEL_FR
              .builder()
              .setLenientEof(false)
              .setTrailingData(false)
              .get()
              .parse(limit);
      records = parser.iterator();
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e)
          .keyed("import.file.unreadable", TabularFormat.name(file));
    }
    TabularRow first = next();
    if (first == null) {
      close();
      throw new InvalidInputException(file + ": the file is empty (no header line)")
          .keyed("import.file.empty", TabularFormat.name(file));
    }
    header = first.values().stream().map(String::trim).toList();
    if (header.size() == 1 && (header.get(0).contains(",") || header.get(0).contains("\t"))) {
      close();
      String sep = header.get(0).contains("\t") ? "tabs" : "commas";
      throw new InvalidInputException(
              file
                  + ", line 1: wrong separator: the columns are separated by "
                  + sep
                  + ", expected semicolons (;) as French Excel writes them; in Excel, save as "
                  + "\"CSV UTF-8 (délimité par des points-virgules)\"")
          .keyed(
              "import.file.separator",
              TabularFormat.name(file),
              sep.equals("tabs") ? "tabulations" : "virgules");
    }
  }

  @Override
  public String encoding() {
    return encoding.label();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public TabularRow next() {
    while (true) {
      long line = parser.getCurrentLineNumber() + 1;
      CSVRecord r;
      try {
        limit.startRow();
        if (!records.hasNext()) {
          return null;
        }
        r = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw translate(e, line);
      }
      List<String> values = new ArrayList<>(r.size());
      boolean blank = true;
      for (String v : r) {
        values.add(v == null ? "" : v);
        blank &= v == null || v.isBlank();
      }
      if (!blank) {
        return new TabularRow(line, values);
      }
    }
  }

  private InvalidInputException translate(RuntimeException e, long line) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RowTooLong) {
        return (InvalidInputException)
            new InvalidInputException(
                    file
                        + ", line "
                        + line
                        + ": the row is longer than "
                        + String.format(java.util.Locale.FRANCE, "%,d", MAX_ROW_CHARS)
                        + " characters (a missing closing quote, or a value far longer than any column"
                        + " holds): refused",
                    e)
                .keyed("import.file.rowTooLong", TabularFormat.name(file), line);
      }
      if (t instanceof CharacterCodingException) {
        return (InvalidInputException)
            new InvalidInputException(
                    file + ", line " + line + ": a byte is not " + encoding.label(), e)
                .keyed("import.file.badByte", TabularFormat.name(file), line, encoding.label());
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return (InvalidInputException)
        new InvalidInputException(
                file + ", line " + line + ": malformed CSV (" + root.getMessage() + ")", e)
            .keyed("import.file.malformed", TabularFormat.name(file), line);
  }

  @Override
  public double fraction() {
    return Math.min(1.0, counting.count / (double) size);
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.close();
      } else {
        counting.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raised when a row goes past {@link #MAX_ROW_CHARS}. */
  private static final class RowTooLong extends IOException {
    RowTooLong() {
      super("row too long");
    }
  }

  /** Counts the characters handed to the parser since the start of the current row. */
  private static final class RowLimit extends FilterReader {
    private long sinceRowStart;

    RowLimit(Reader in) {
      super(in);
    }

    void startRow() {
      sinceRowStart = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0 && ++sinceRowStart > MAX_ROW_CHARS) {
        throw new RowTooLong();
      }
      return c;
    }

    @Override
    public int read(char[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        sinceRowStart += n;
        if (sinceRowStart > MAX_ROW_CHARS + (long) len) {
          throw new RowTooLong();
        }
      }
      return n;
    }
  }

  /** Counts the bytes read, for progress. */
  private static final class Counting extends FilterInputStream {
    volatile long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
