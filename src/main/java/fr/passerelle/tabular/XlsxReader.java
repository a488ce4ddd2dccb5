package fr.passerelle.tabular;

import fr.passerelle.core.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an .xlsx workbook, streamed, after {@link XlsxGuard} has checked that no
 * part is a decompression bomb. Cells are read with their number formats: a date typed in Excel or
 * LibreOffice (a number with a date format, built-in or custom) comes back as an ISO date, a number
 * without ".0".
 */
final class XlsxReader implements TabularReader {
  private final Path file;
  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final List<String> header;
  private long lastLine;
  private final long expected;

  XlsxReader(Path file) {
    this.file = file;
    try {
      XlsxGuard.check(file);
      workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
      stream = workbook.getFirstSheet().openStream();
      rows = stream.iterator();
      expected = Math.max(1, java.nio.file.Files.size(file) / 60);
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
              file + ": not a readable Excel workbook (.xlsx): " + e.getMessage(), e)
          .keyed("import.file.unreadableXlsx", TabularFormat.name(file));
    }
    TabularRow first = next();
    if (first == null) {
      close();
      throw new InvalidInputException(file + ": the first sheet is empty (no header row)")
          .keyed("import.file.empty", TabularFormat.name(file));
    }
    header = first.values().stream().map(String::trim).toList();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public TabularRow next() {
    try {
      while (rows.hasNext()) {
        Row r = rows.next();
        lastLine = r.getRowNum();
        List<String> values = new ArrayList<>(r.getCellCount());
        boolean blank = true;
        for (int c = 0; c < r.getCellCount(); c++) {
          String v = text(r.getCell(c));
          values.add(v);
          blank &= v.isBlank();
        }
        if (!blank) {
          return new TabularRow(r.getRowNum(), values);
        }
      }
      return null;
    } catch (RuntimeException e) {
      throw new InvalidInputException(
              file + ", row " + (lastLine + 1) + ": unreadable workbook (" + e.getMessage() + ")",
              e)
          .keyed("import.file.unreadableRow", TabularFormat.name(file), lastLine + 1);
    }
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER) {
      if (isDate(cell)) {
        return cell.asDate().toLocalDate().toString();
      }
      BigDecimal n = cell.asNumber();
      return n.stripTrailingZeros().toPlainString();
    }
    if (cell.getType() == CellType.BOOLEAN) {
      return Boolean.TRUE.equals(cell.asBoolean()) ? "oui" : "non";
    }
    String t = cell.getText();
    return t == null ? "" : unescape(t);
  }

  private static final java.util.regex.Pattern ESCAPE =
      java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");

  /**
   * The text of an Office string with its {@code _xHHHH_} escapes decoded (ECMA-376, 22.9.2.19
   * ST_Xstring): Excel writes a character XML cannot hold — a control character typed or pasted
   * into a cell, NUL, BEL, ESC — as {@code _x0007_}, and a literal {@code _x} as {@code _x005F_x}.
   * Decoded here, such characters then go through {@link RowCleaner} (removed and reported) instead
   * of being stored as the text "_x0007_" (issue 22).
   */
  static String unescape(String t) {
    if (t.indexOf("_x") < 0) {
      return t;
    }
    java.util.regex.Matcher m = ESCAPE.matcher(t);
    StringBuilder b = new StringBuilder(t.length());
    while (m.find()) {
      m.appendReplacement(
          b,
          java.util.regex.Matcher.quoteReplacement(
              String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Excel's built-in date and date-time formats (ECMA-376, 18.8.30), which carry no code. */
  private static final java.util.Set<Integer> BUILT_IN_DATES =
      java.util.Set.of(
          14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58);

  private static boolean isDate(Cell cell) {
    String fmt = cell.getDataFormatString();
    if (fmt != null && !fmt.isEmpty()) {
      return isDateFormat(fmt);
    }
    Integer id = cell.getDataFormatId();
    return id != null && BUILT_IN_DATES.contains(id);
  }

  private static boolean isDateFormat(String fmt) {
    String f = fmt.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]|\"[^\"]*\"", "");
    return f.contains("d") && f.contains("y") || f.contains("m") && f.contains("y");
  }

  @Override
  public double fraction() {
    return Math.min(1.0, lastLine / (double) expected);
  }

  @Override
  public void close() {
    try {
      if (stream != null) {
        stream.close();
      }
      workbook.close();
    } catch (IOException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e)
          .keyed("import.file.unreadableXlsx", TabularFormat.name(file));
    }
  }
}
