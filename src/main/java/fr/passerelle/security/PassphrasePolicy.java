package fr.passerelle.security;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passphrase rule, after the CNIL's recommendation on passwords (délibération n° 2022-100 of 21
 * July 2022, case 1 — a password alone protects the account, and tomorrow the database's key): at
 * least 80 bits of entropy counted the CNIL's way, length times log2 of the alphabet the characters
 * are drawn from (26 lower-case, 26 upper-case, 10 digits, 37 other characters). No composition
 * rule is imposed: a long phrase of lower-case words passes (length over complexity), 12 mixed
 * characters pass too. Refused whatever their length: a phrase holding the login or the person's
 * name, one character repeated, or a well-known password. See docs/security.md.
 */
public final class PassphrasePolicy {
  /** The CNIL's case-1 threshold; their worked example (12 characters of 4 kinds) is 79.6 bits. */
  public static final double MIN_BITS = 79.5;

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  private static final Set<String> COMMON =
      Set.of(
          "motdepasse",
          "password",
          "azerty",
          "qwerty",
          "passerelle",
          "francetravail",
          "poleemploi",
          "soleil",
          "bonjour",
          "123456",
          "azertyuiop",
          "motdepasse123",
          "administrateur",
          "changeme");

  /** Why a passphrase is refused: a UI text key and its argument. */
  public record Problem(String key, Object arg) {}

  /** The problems of {@code phrase}; empty when it is accepted. */
  public List<Problem> check(char[] phrase, String login, String firstName, String lastName) {
    List<Problem> out = new ArrayList<>();
    String s = new String(phrase);
    int length = s.codePointCount(0, s.length());
    if (length < MIN_LENGTH) {
      out.add(new Problem("security.policy.tooShort", MIN_LENGTH));
    } else if (length > MAX_LENGTH) {
      out.add(new Problem("security.policy.tooLong", MAX_LENGTH));
    } else if (bits(s) < MIN_BITS) {
      out.add(new Problem("security.policy.weak", (int) Math.ceil(MIN_BITS)));
    }
    String folded = fold(s);
    if (s.codePoints().distinct().count() <= 2 && length > 0) {
      out.add(new Problem("security.policy.repeated", null));
    }
    String compact = folded.replaceAll("[^a-z0-9]", "");
    if (COMMON.stream()
        .anyMatch(
            c -> compact.equals(c) || compact.startsWith(c) && compact.length() < c.length() + 4)) {
      out.add(new Problem("security.policy.common", null));
    }
    for (String part : new String[] {login, firstName, lastName}) {
      String p = part == null ? "" : fold(part).replaceAll("[^a-z0-9]", "");
      if (p.length() >= 3 && compact.contains(p)) {
        out.add(new Problem("security.policy.personal", null));
        break;
      }
    }
    return out;
  }

  /** The entropy the CNIL's method counts: length × log2(size of the alphabets used). */
  public static double bits(String s) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int cp : s.codePoints().toArray()) {
      if (cp >= 'a' && cp <= 'z') {
        lower = true;
      } else if (cp >= 'A' && cp <= 'Z') {
        upper = true;
      } else if (cp >= '0' && cp <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 37 : 0);
    if (alphabet == 0) {
      return 0;
    }
    return s.codePointCount(0, s.length()) * (Math.log(alphabet) / Math.log(2));
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
