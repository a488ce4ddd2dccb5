package fr.passerelle.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text for a label that wraps at a given width and must never break a word in the middle (#19):
 * JavaFX breaks a word wider than the line wherever it overflows ("Conductrice-livreu / se",
 * "prépar / ateurs"). Here a word that does not fit is first broken after its hyphens (French
 * occupation names are compounds: "Conductrice-" / "livreuse"), if asked; what still does not fit
 * is cut with "…" (the caller shows the whole text in a tooltip or to screen readers).
 */
public final class WholeWords {
  public static final String ELLIPSIS = "…";

  private WholeWords() {}

  /** {@code text} with every word wider than {@code width} in {@code font} cut to fit with "…". */
  public static String cut(String text, Font font, double width) {
    return fit(text, font, width, false);
  }

  /**
   * {@code text} with every word wider than {@code width} broken after its hyphens (a line break
   * after the hyphen), then what still does not fit cut with "…".
   */
  public static String breakAtHyphens(String text, Font font, double width) {
    return fit(text, font, width, true);
  }

  private static String fit(String text, Font font, double width, boolean hyphens) {
    if (text == null || text.isEmpty() || width <= 0) {
      return text;
    }
    Text measure = new Text();
    measure.setFont(font);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      List<String> words = new ArrayList<>();
      for (String word : line.split(" ", -1)) {
        words.add(
            widthOf(measure, word) <= width
                ? word
                : hyphens ? compound(word, measure, width) : fit(word, measure, width));
      }
      lines.add(String.join(" ", words));
    }
    return String.join("\n", lines);
  }

  /** A compound word on as few lines as its hyphens allow, each part cut if still too wide. */
  private static String compound(String word, Text measure, double width) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int i = word.indexOf('-'); i >= 0; i = word.indexOf('-', i + 1)) {
      parts.add(word.substring(from, i + 1));
      from = i + 1;
    }
    parts.add(word.substring(from));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String part : parts) {
      if (line.length() > 0 && widthOf(measure, line + part) > width) {
        lines.add(fit(line.toString(), measure, width));
        line.setLength(0);
      }
      line.append(part);
    }
    lines.add(fit(line.toString(), measure, width));
    return String.join("\n", lines);
  }

  private static String fit(String word, Text measure, double width) {
    if (widthOf(measure, word) <= width) {
      return word;
    }
    int end = word.length() - 1;
    while (end > 1 && widthOf(measure, word.substring(0, end) + ELLIPSIS) > width) {
      end--;
    }
    return word.substring(0, end) + ELLIPSIS;
  }

  private static double widthOf(Text measure, String s) {
    measure.setText(s);
    return measure.getLayoutBounds().getWidth();
  }
}
