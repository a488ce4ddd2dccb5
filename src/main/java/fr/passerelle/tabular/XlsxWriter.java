package fr.passerelle.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An .xlsx file with typed cells: dates as dates (shown 31/01/2026), numbers as numbers, text as
 * text (codes and phone numbers keep their leading 0); never a formula. Flushed as it goes.
 */
final class XlsxWriter implements TabularWriter {
  private final OutputStream out;
  private final Workbook workbook;
  private final Worksheet sheet;
  private int row;

  XlsxWriter(Path file, String sheetName) {
    try {
      out = Files.newOutputStream(file);
      workbook = new Workbook(out, "Passerelle", "1.0");
      sheet = workbook.newWorksheet(sheetName);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(List<?> values) {
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      if (v instanceof LocalDate d) {
        sheet.value(row, c, d);
        sheet.style(row, c).format("dd/mm/yyyy").set();
      } else if (v instanceof Number n) {
        sheet.value(row, c, n);
      } else if (v instanceof Boolean b) {
        sheet.value(row, c, Cells.format(b));
      } else if (v != null && !v.toString().isEmpty()) {
        sheet.value(row, c, v.toString());
      }
    }
    if (row == 0) {
      sheet.range(0, 0, 0, Math.max(0, values.size() - 1)).style().bold().set();
      sheet.freezePane(0, 1);
    }
    row++;
    if (row % 5_000 == 0) {
      try {
        sheet.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      workbook.finish();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
