package fr.passerelle.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A form's save refused because a colleague saved the same row meanwhile (ADR 0177, 0181): the
 * sentence saying who and when, what the form holds ({@code mine}, kept until the counselor
 * chooses) and the row as now stored ({@code theirs}, with its version). {@link #differences} lists
 * the fields that differ, in the form's order, as {@link ConflictDialogs} shows them side by side.
 */
public record FormConflict<T>(String text, T mine, T theirs) {
  /**
   * A field the comparison knows: its label key, its value in a {@code T}, and for an enum the key
   * prefix of its labels ("offers.contract."), else null.
   */
  public record Field<T>(String key, Function<T, Object> value, String enumKeys) {
    public Field(String key, Function<T, Object> value) {
      this(key, value, null);
    }

    String shown(T t, Messages msg) {
      Object v = value.apply(t);
      if (v == null) {
        return "";
      }
      if (v instanceof LocalDate d) {
        return d.format(fr.passerelle.core.DateFormats.DAY);
      }
      if (v instanceof Boolean b) {
        return msg.get(b ? "common.yes" : "common.no");
      }
      if (v instanceof Enum<?> e && enumKeys != null) {
        return msg.get(enumKeys + e.name());
      }
      return v.toString().trim();
    }
  }

  /** One field that differs: its label key, and the two values as shown. */
  public record Difference(String key, String mine, String theirs) {}

  /** The {@code fields} whose values differ between the form and the stored row, in that order. */
  public List<Difference> differences(List<Field<T>> fields, Messages msg) {
    return fields.stream()
        .map(f -> new Difference(f.key(), f.shown(mine, msg), f.shown(theirs, msg)))
        .filter(d -> !d.mine().equals(d.theirs()))
        .toList();
  }
}
