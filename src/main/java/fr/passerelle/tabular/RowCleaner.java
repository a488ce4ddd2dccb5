package fr.passerelle.tabular;

import fr.passerelle.core.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every imported cell goes through before a schema reads it: the apostrophe that an export put
 * before a value starting with {@code = + - @}, tab or carriage return is taken off again (see
 * {@link CsvInjection}); control characters (NUL, BEL, ESC…, DEL and the C1 range; tab and line
 * breaks stay) are removed and the removal reported; a value longer than its column refuses the row
 * with "too long (max M)".
 */
final class RowCleaner {
  private final Map<String, Integer> columns;
  private final List<String> header;
  private final ImportSchema<?> schema;

  RowCleaner(Map<String, Integer> columns, List<String> header, ImportSchema<?> schema) {
    this.columns = columns;
    this.header = header;
    this.schema = schema;
  }

  /** The cleaned row, or null when a value is too long (the error is reported). */
  TabularRow clean(TabularRow row, RowErrors sink) {
    List<String> values = null;
    for (int i = 0; i < row.values().size(); i++) {
      String v = row.values().get(i);
      String c = controlFree(CsvInjection.restore(v));
      if (!c.equals(CsvInjection.restore(v))) {
        sink.corrected(
            row.line(),
            name(i),
            shorten(v),
            shorten(c),
            "control characters removed: " + codes(v),
            Wording.of("import.corrected.controlCharacters", codes(v)));
      }
      if (!c.equals(v)) {
        if (values == null) {
          values = new ArrayList<>(row.values());
        }
        values.set(i, c);
      }
    }
    TabularRow out = values == null ? row : new TabularRow(row.line(), values);
    boolean ok = true;
    for (Map.Entry<String, Integer> col : columns.entrySet()) {
      String v = out.get(col.getValue()).trim();
      int max = schema.maxLength(col.getKey());
      if (v.length() > max) {
        sink.add(
            row.line(),
            col.getKey(),
            shorten(v),
            String.format(Locale.FRANCE, "too long (%,d characters, max %,d)", v.length(), max),
            Wording.of("import.error.tooLong", v.length(), max));
        ok = false;
      }
    }
    return ok ? out : null;
  }

  private String name(int index) {
    for (Map.Entry<String, Integer> c : columns.entrySet()) {
      if (c.getValue() == index) {
        return c.getKey();
      }
    }
    return index < header.size() ? header.get(index) : "";
  }

  static String controlFree(String v) {
    return ControlCharacters.strip(v);
  }

  static String codes(String v) {
    return ControlCharacters.codes(v);
  }

  /** At most 60 characters of a value, for reports (a 1 MB name is not copied into one). */
  static String shorten(String v) {
    String printable =
        v.codePoints()
            .map(c -> c < 0x20 || c >= 0x7F && c <= 0x9F ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "…";
  }
}
