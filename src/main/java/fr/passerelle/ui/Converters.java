package fr.passerelle.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** The text of a value shown in a choice box, a combo box or a list: one way to write it. */
public final class Converters {
  private Converters() {}

  /** Shows each value as {@code text} says; the field is never typed in (no parsing back). */
  public static <T> StringConverter<T> of(Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return text.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }
}
