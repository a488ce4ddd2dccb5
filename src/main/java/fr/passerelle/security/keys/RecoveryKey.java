package fr.passerelle.security.keys;

import fr.passerelle.core.InvalidInputException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The recovery key of an encrypted installation: 160 random bits written as eight groups of four
 * base32 letters and digits ({@code ABCD-EFGH-…}), shown once at set-up to be printed and kept in
 * the office's safe. It opens the database's recovery slot when no account's password is known.
 */
public final class RecoveryKey {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  static final int GROUPS = 8;
  static final int GROUP = 4;
  private final char[] chars;

  private RecoveryKey(char[] chars) {
    this.chars = chars;
  }

  /** A fresh random key. */
  public static RecoveryKey random() {
    SecureRandom r = new SecureRandom();
    char[] c = new char[GROUPS * GROUP];
    for (int i = 0; i < c.length; i++) {
      c[i] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
    }
    return new RecoveryKey(c);
  }

  /**
   * Reads a key as typed: case, spaces and hyphens do not matter; 0, 1 and 8 are read as O, I and B
   * (base32 has none of them). Refuses anything else, naming the problem.
   */
  public static RecoveryKey parse(char[] typed) {
    StringBuilder b = new StringBuilder();
    for (char ch : typed) {
      if (ch == ' ' || ch == '-' || ch == '\t') {
        continue;
      }
      char u = Character.toUpperCase(ch);
      u = u == '0' ? 'O' : u == '1' ? 'I' : u == '8' ? 'B' : u;
      if (ALPHABET.indexOf(u) < 0) {
        throw InvalidInputException.of(
            "keys.error.recoveryChar",
            "The recovery key holds a character it cannot contain (\""
                + ch
                + "\"): it is made of letters A-Z and digits 2-7.",
            String.valueOf(ch));
      }
      b.append(u);
    }
    if (b.length() != GROUPS * GROUP) {
      throw InvalidInputException.of(
          "keys.error.recoveryLength",
          "The recovery key has "
              + GROUPS * GROUP
              + " letters and digits (eight groups of four); "
              + b.length()
              + " were given.",
          b.length());
    }
    char[] c = new char[b.length()];
    b.getChars(0, c.length, c, 0);
    b.setLength(0);
    return new RecoveryKey(c);
  }

  /** The key as the secret its slot is derived from. */
  char[] secret() {
    return chars.clone();
  }

  /** The key to show and print: eight groups of four separated by hyphens. */
  public String display() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < chars.length; i++) {
      if (i > 0 && i % GROUP == 0) {
        b.append('-');
      }
      b.append(chars[i]);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "RecoveryKey[hidden]";
  }
}
