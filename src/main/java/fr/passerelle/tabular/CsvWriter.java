package fr.passerelle.tabular;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV French Excel opens with a double click: UTF-8 with BOM, semicolons, CRLF, dates as
 * 31/01/2026, decimal commas; text cells neutralised against formula injection ({@link
 * CsvInjection}).
 */
final class CsvWriter implements TabularWriter {
  static final CSVFormat EXCEL_FR =
      CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
  private final CSVPrinter printer;

  CsvWriter(Path file) {
    try {
      OutputStream out = Files.newOutputStream(file);
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      printer =
          new CSVPrinter(
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
              EXCEL_FR);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(List<?> values) {
    try {
      for (Object v : values) {
        printer.print(cell(v));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof LocalDate d) {
      return Cells.french(d);
    }
    if (v instanceof Boolean b) {
      return Cells.format(b);
    }
    if (v instanceof Number n) {
      return n instanceof Double || n instanceof Float || n instanceof BigDecimal
          ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString().replace('.', ',')
          : n.toString();
    }
    return CsvInjection.neutralise(v.toString());
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
