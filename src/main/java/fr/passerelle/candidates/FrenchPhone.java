package fr.passerelle.candidates;

import java.util.Optional;

/**
 * French phone numbers as counselors type them: 10 digits starting with 0 ({@code 06 12 34 56 78},
 * {@code 05.61.00.00.00}), {@code +33 6 12 34 56 78}, {@code 0033 6…}, {@code +33 (0)6…}; a number
 * abroad in international form ({@code +44 20 7946 0000}: + and 8 to 15 digits). Separators are
 * spaces, dots, dashes and parentheses.
 */
public final class FrenchPhone {
  private FrenchPhone() {}

  /** True when {@code text} is one of the forms above. */
  public static boolean isValid(String text) {
    if (text == null || !text.trim().matches("\\+?[0-9 .\\-()]{6,25}")) {
      return false;
    }
    String t = text.trim();
    String d = t.replaceAll("[^0-9]", "");
    if (t.startsWith("+")) {
      if (d.startsWith("33")) {
        String rest = d.substring(2);
        return rest.matches("[1-9]\\d{8}") || rest.matches("0[1-9]\\d{8}") && t.contains("(0)");
      }
      return d.length() >= 8 && d.length() <= 15 && d.charAt(0) != '0';
    }
    if (d.startsWith("0033")) {
      return d.substring(4).matches("[1-9]\\d{8}");
    }
    return d.matches("0[1-9]\\d{8}");
  }

  /**
   * The number with the leading 0 a spreadsheet dropped ({@code 611223344} → {@code 0611223344}),
   * when {@code text} is exactly a French number without it: 9 digits, the first not 0.
   */
  public static Optional<String> restoreLeadingZero(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.startsWith("+") || !t.matches("[0-9 .\\-]+")) {
      return Optional.empty();
    }
    String d = t.replaceAll("[^0-9]", "");
    return d.matches("[1-9]\\d{8}") ? Optional.of("0" + t) : Optional.empty();
  }
}
