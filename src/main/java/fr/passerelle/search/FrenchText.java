package fr.passerelle.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * How text becomes search words, on both sides of the index: lower case, folded to ASCII by
 * Lucene's {@link ASCIIFoldingFilter} (accents gone, "œ" → "oe", "æ" → "ae", "ß" → "ss"), cut at
 * anything that is not a letter or a digit (spaces, hyphens, apostrophes, slashes).
 * "Dupont-Moretti" → dupont, moretti; "N'Diaye" → n, diaye.
 */
public final class FrenchText {
  /** Words that say nothing alone in a job title or a commune ("préparateur de commandes"). */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "sur",
          "sous", "par", "pour", "s", "sa", "son", "un", "une");

  private FrenchText() {}

  /** True for "de", "la", "les"…: words that say nothing alone in a title. */
  public static boolean isStopWord(String foldedWord) {
    return STOP_WORDS.contains(foldedWord);
  }

  /**
   * "Maçon / Maçonne" → "macon maconne"; null → "". Only the characters beyond ASCII go through
   * Lucene's folding, one at a time (it folds each character alone, so the result is the same as
   * folding the whole text): its {@code foldToASCII} is too large a method for the JIT to compile,
   * and interpreted it made most of the time spent folding the texts of an index build.
   */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int len = lower.length();
    StringBuilder b = new StringBuilder(len);
    char[] one = null;
    char[] folded = null;
    boolean space = true;
    for (int i = 0; i < len; i++) {
      char c = lower.charAt(i);
      if (c < 128) {
        space = append(b, c, space);
      } else {
        if (one == null) {
          one = new char[1];
          folded = new char[4];
        }
        one[0] = c;
        int n = ASCIIFoldingFilter.foldToASCII(one, 0, folded, 0, 1);
        for (int j = 0; j < n; j++) {
          space = append(b, folded[j], space);
        }
      }
    }
    int end = b.length();
    if (end > 0 && b.charAt(end - 1) == ' ') {
      b.setLength(end - 1);
    }
    return b.toString();
  }

  /** Appends a folded character: a letter or digit as is, anything else as one space at most. */
  private static boolean append(StringBuilder b, char folded, boolean space) {
    char c = Character.toLowerCase(folded);
    if (c < 128 && Character.isLetterOrDigit(c)) {
      b.append(c);
      return false;
    }
    if (!space) {
      b.append(' ');
    }
    return true;
  }

  /** The folded words of a text, in order. */
  public static List<String> words(String text) {
    String f = fold(text);
    List<String> out = new ArrayList<>();
    if (!f.isEmpty()) {
      for (String w : f.split(" ")) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The words to index for a name: each word, and when there are several, the words written
   * together ("De La Fontaine" → de, la, fontaine, delafontaine; "N'Diaye" → n, diaye, ndiaye).
   */
  static List<String> nameWords(String name) {
    List<String> w = words(name);
    if (w.size() > 1) {
      w.add(String.join("", w));
    }
    return w;
  }

  /** The e-mail key: trimmed, lower case; "" when blank. */
  public static String emailKey(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  /** The phone key: digits only, "+33 6…" and "0033 6…" as "06…"; "" when too short. */
  public static String phoneKey(String phone) {
    if (phone == null) {
      return "";
    }
    String d = digits(phone);
    if (d.startsWith("0033")) {
      d = "0" + d.substring(4);
    } else if (d.startsWith("33") && d.length() == 11) {
      d = "0" + d.substring(2);
    }
    return d.length() < 6 ? "" : d;
  }

  static String digits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
