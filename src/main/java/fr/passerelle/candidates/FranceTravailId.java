package fr.passerelle.candidates;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifier France Travail gives a job seeker: seven digits and a letter (e.g. "1234567A"), as
 * printed on their letters; older ones end with a digit. Typed with spaces or in lower case, it is
 * stored as eight characters in upper case (ADR 0185).
 */
public final class FranceTravailId {
  private static final Pattern FORM = Pattern.compile("\\d{7}[A-Z0-9]");

  private FranceTravailId() {}

  /** The identifier without spaces, dots or dashes, in upper case; "" for null. */
  public static String normalize(String text) {
    return text == null ? "" : text.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
  }

  /** True for a blank text (no identifier) or a well-formed identifier. */
  public static boolean isValid(String text) {
    String n = normalize(text);
    return n.isEmpty() || FORM.matcher(n).matches();
  }
}
