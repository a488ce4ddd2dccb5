package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads French-Excel CSV: semicolons, UTF-8 (the BOM is optional), strictly decoded so that a file
 * saved as "CSV (ANSI)" is reported instead of importing garbled names.
 */
final class CsvReader implements TabularReader {
  private final Path file;
  private final long size;
  private final Counting counting;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;

  CsvReader(Path file) {
    this.file = file;
    try {
      this.size = Math.max(1, Files.size(file));
      counting = new Counting(Files.newInputStream(file));
      BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
      in.mark(4);
      byte[] head = in.readNBytes(4);
      in.reset();
      checkSignature(head);
      if (head.length >= 3
          && (head[0] & 0xFF) == 0xEF
          && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF) {
        in.skipNBytes(3);
      }
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      parser =
          CsvWriter.EXCEL_FR
              .builder()
              .setLenientEof(false)
              .setTrailingData(false)
              .get()
              .parse(new InputStreamReader(in, decoder));
      records = parser.iterator();
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e);
    }
    TabularRow first = next();
    if (first == null) {
      close();
      throw new InvalidInputException(file + ": the file is empty (no header line)");
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
              + "\"CSV UTF-8 (délimité par des points-virgules)\"");
    }
  }

  private void checkSignature(byte[] head) {
    if (head.length >= 2
        && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
            || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      throw new InvalidInputException(
          file + ": the file is UTF-16 (\"Unicode text\"), expected CSV UTF-8 with semicolons");
    }
    if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
      throw new InvalidInputException(
          file + ": this is an Excel workbook (.xlsx) named .csv: rename it to .xlsx");
    }
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
      if (t instanceof CharacterCodingException) {
        return new InvalidInputException(
            file
                + ", near line "
                + line
                + ": the file is not UTF-8 (saved as ANSI / Windows-1252?): in Excel, save it as "
                + "\"CSV UTF-8 (délimité par des points-virgules)\"",
            e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new InvalidInputException(
        file + ", line " + line + ": malformed CSV (" + root.getMessage() + ")", e);
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
