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
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an .xlsx workbook, streamed. Dates typed in Excel come back as ISO
 * dates, whole numbers without ".0".
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
      workbook = new ReadableWorkbook(file.toFile());
      stream = workbook.getFirstSheet().openStream();
      rows = stream.iterator();
      expected = Math.max(1, java.nio.file.Files.size(file) / 60);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          file + ": not a readable Excel workbook (.xlsx): " + e.getMessage(), e);
    }
    TabularRow first = next();
    if (first == null) {
      close();
      throw new InvalidInputException(file + ": the first sheet is empty (no header row)");
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
          file + ", row " + (lastLine + 1) + ": unreadable workbook (" + e.getMessage() + ")", e);
    }
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER) {
      String fmt = cell.getDataFormatString();
      if (fmt != null && isDateFormat(fmt)) {
        return cell.asDate().toLocalDate().toString();
      }
      BigDecimal n = cell.asNumber();
      return n.stripTrailingZeros().toPlainString();
    }
    if (cell.getType() == CellType.BOOLEAN) {
      return Boolean.TRUE.equals(cell.asBoolean()) ? "oui" : "non";
    }
    String t = cell.getText();
    return t == null ? "" : t;
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
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }
}
