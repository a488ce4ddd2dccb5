package fr.passerelle.db;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises text for search and duplicate detection: no accents, lower case, words only. */
public final class TextNorm {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  private TextNorm() {}

  /** "Maçon / Maçonne" → "macon maconne"; null → "". */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.replace('œ', 'o').replace('Œ', 'o').replace('æ', 'a').replace('Æ', 'a');
    s = s.toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(s).replaceAll(" ").trim();
  }

  /** The normalised words of a text, in order. */
  public static List<String> tokens(String text) {
    String n = normalize(text);
    return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
  }
}
