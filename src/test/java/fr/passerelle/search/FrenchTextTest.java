package fr.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.junit.jupiter.api.Test;

/** Folding: the same words as Lucene's folding of the whole text, on every character. */
class FrenchTextTest {
  /** The folding as first written: the whole text through Lucene's folding at once. */
  private static String wholeTextFold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char[] in = text.toLowerCase(Locale.ROOT).toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    StringBuilder b = new StringBuilder(n);
    boolean space = true;
    for (int i = 0; i < n; i++) {
      char c = Character.toLowerCase(out[i]);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        b.append(c);
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int end = b.length();
    if (end > 0 && b.charAt(end - 1) == ' ') {
      b.setLength(end - 1);
    }
    return b.toString();
  }

  @Test
  void frenchExamples() {
    assertThat(FrenchText.fold("Maçon / Maçonne")).isEqualTo("macon maconne");
    assertThat(FrenchText.words("Dupont-Moretti")).containsExactly("dupont", "moretti");
    assertThat(FrenchText.words("N'Diaye")).containsExactly("n", "diaye");
    assertThat(FrenchText.fold("Œuvre ÆSOP Straße")).isEqualTo("oeuvre aesop strasse");
    assertThat(FrenchText.fold(null)).isEmpty();
    assertThat(FrenchText.fold("  -- ")).isEmpty();
  }

  @Test
  void everyCharacterAloneAndBetweenLetters() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String ch = String.valueOf((char) c);
      for (String s : new String[] {ch, "a" + ch + "b", ch + " é" + ch, "x" + ch + ch}) {
        assertThat(FrenchText.fold(s)).as("U+%04X in %s", c, s).isEqualTo(wholeTextFold(s));
      }
    }
  }

  @Test
  void randomTexts() {
    Random rnd = new Random(42);
    String pool = "aeéèêëàâäîïôöùûüçœæ AÉÈÇŒÆ-'/.,0123456789ßøłđ①⑽ﬁ\u0130\u0131\u03a3\ud83d\ude00";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(30);
      for (int j = 0; j < len; j++) {
        b.append(
            rnd.nextInt(4) == 0
                ? (char) rnd.nextInt(Character.MAX_VALUE + 1)
                : pool.charAt(rnd.nextInt(pool.length())));
      }
      String s = b.toString();
      assertThat(FrenchText.fold(s)).as(s).isEqualTo(wholeTextFold(s));
    }
  }
}
