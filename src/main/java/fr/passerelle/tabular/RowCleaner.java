package fr.passerelle.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

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
            row.line(), name(i), shorten(v), shorten(c), "control characters removed: " + codes(v));
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
            String.format(Locale.FRANCE, "too long (%,d characters, max %,d)", v.length(), max));
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

  static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
  }

  static String controlFree(String v) {
    StringBuilder b = null;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (isControl(c)) {
        if (b == null) {
          b = new StringBuilder(v.length()).append(v, 0, i);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? v : b.toString();
  }

  /** "U+0000, U+001B": the control characters of {@code v}, each once. */
  static String codes(String v) {
    TreeSet<Integer> found = new TreeSet<>();
    for (int i = 0; i < v.length(); i++) {
      if (isControl(v.charAt(i))) {
        found.add((int) v.charAt(i));
      }
    }
    List<String> out = new ArrayList<>();
    found.forEach(c -> out.add(String.format("U+%04X", c)));
    return String.join(", ", out);
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
