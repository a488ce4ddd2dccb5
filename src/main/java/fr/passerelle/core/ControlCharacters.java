package fr.passerelle.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The one rule for control characters in text (issue #22, ADR 0156). Forbidden everywhere: the C0
 * range except tab, line feed and carriage return (NUL, BEL, ESC…), DEL and the C1 range
 * (U+0080–U+009F). A single-line field (a name, a title, a place) also refuses tab, line feed and
 * carriage return; a multi-line field (notes, a description, an address) keeps them.
 *
 * <p>Services refuse such a value with a field error naming the field and the character ("Intitulé
 * : caractère de contrôle (U+0007) interdit"); imports from files and partners remove them and
 * report the removal.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** Whether {@code c} is forbidden in every text field (tab and line breaks are not). */
  public static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
  }

  /** Whether {@code c} is forbidden in a field that is, or is not, multi-line. */
  public static boolean isForbidden(char c, boolean multiLine) {
    return isControl(c) || !multiLine && (c == '\t' || c == '\n' || c == '\r');
  }

  /**
   * The first forbidden character of {@code value} as "U+0007", or null when there is none (a null
   * value has none).
   */
  public static String first(String value, boolean multiLine) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (isForbidden(value.charAt(i), multiLine)) {
        return code(value.charAt(i));
      }
    }
    return null;
  }

  /**
   * Refuses {@code value} if it holds a forbidden character: an {@link InvalidInputException} keyed
   * {@code key} with the character ("U+0007") as argument, whose English text names {@code field}.
   */
  public static void require(String field, String value, boolean multiLine, String key) {
    String c = first(value, multiLine);
    if (c != null) {
      throw InvalidInputException.of(key, english(field, c), c);
    }
  }

  /** "title: control character (U+0007) not allowed". */
  public static String english(String field, String code) {
    return field + ": control character (" + code + ") not allowed";
  }

  /** {@code value} without its control characters ({@link #isControl}); null stays null. */
  public static String strip(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isControl(c)) {
        if (b == null) {
          b = new StringBuilder(value.length()).append(value, 0, i);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? value : b.toString();
  }

  /** "U+0000, U+001B": the control characters ({@link #isControl}) of {@code v}, each once. */
  public static String codes(String v) {
    TreeSet<Character> found = new TreeSet<>();
    for (int i = 0; i < v.length(); i++) {
      if (isControl(v.charAt(i))) {
        found.add(v.charAt(i));
      }
    }
    List<String> out = new ArrayList<>();
    found.forEach(c -> out.add(code(c)));
    return String.join(", ", out);
  }

  /** "U+0007". */
  public static String code(char c) {
    return String.format("U+%04X", (int) c);
  }
}
