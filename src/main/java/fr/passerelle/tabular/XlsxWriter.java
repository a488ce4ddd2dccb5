package fr.passerelle.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** An .xlsx file, every cell as text (phone numbers keep their leading 0), flushed as it goes. */
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
  public void write(List<String> values) {
    for (int c = 0; c < values.size(); c++) {
      String v = values.get(c);
      if (v != null && !v.isEmpty()) {
        sheet.value(row, c, v);
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
