package fr.passerelle.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a French text shown to a counselor should not hold: English words (common English
 * words that are not French words too — "on", "as", "date", "message", "import", "total",
 * "commune", "code", "long", "via", "file", "candidate" are both, so they are not listed) and raw
 * codes: an enum constant ({@code CPRO_INTERIM}), a column or field name ({@code birth_date}), an
 * ISO date ({@code 2026-01-31}), a Java exception's name.
 */
public final class FrenchWording {
  private static final Set<String> ENGLISH =
      Set.of(
          "the",
          "and",
          "is",
          "are",
          "was",
          "were",
          "not",
          "with",
          "without",
          "from",
          "this",
          "that",
          "these",
          "those",
          "which",
          "what",
          "when",
          "where",
          "who",
          "please",
          "cannot",
          "can't",
          "couldn't",
          "don't",
          "doesn't",
          "failed",
          "error",
          "errors",
          "files",
          "found",
          "invalid",
          "unknown",
          "save",
          "saved",
          "cancel",
          "open",
          "close",
          "delete",
          "deleted",
          "row",
          "rows",
          "added",
          "updated",
          "header",
          "trust",
          "yes",
          "loading",
          "settings",
          "name",
          "names",
          "empty",
          "none",
          "missing",
          "wrong",
          "should",
          "must",
          "will",
          "would",
          "could",
          "been",
          "have",
          "has",
          "had",
          "into",
          "your",
          "you",
          "our",
          "their",
          "its",
          "there",
          "here",
          "new",
          "old",
          "each",
          "only",
          "more",
          "less",
          "than",
          "then",
          "also",
          "however",
          "because",
          "while",
          "after",
          "before",
          "until",
          "about",
          "between",
          "over",
          "under",
          "out",
          "for",
          "to",
          "of",
          "be",
          "no",
          "too",
          "expected",
          "whole",
          "number",
          "duplicate",
          "same",
          "column",
          "columns",
          "line",
          "field",
          "value",
          "values",
          "status",
          "put",
          "merge",
          "them",
          "restored",
          "dropped",
          "leading",
          "zero",
          "digit",
          "year",
          "read",
          "removed",
          "characters",
          "appears",
          "twice",
          "known",
          "needs",
          "give",
          "phone",
          "address",
          "birth",
          "first",
          "last");

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final Pattern CODE =
      Pattern.compile(
          "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b" // CPRO_INTERIM
              + "|\\b[a-z]+_[a-z_]+\\b" // birth_date
              + "|\\b\\d{4}-\\d{2}-\\d{2}\\b" // 2026-01-31
              + "|\\b\\w+(?:Exception|Error)\\b"); // IllegalStateException

  private FrenchWording() {}

  /** The English words of {@code text}, in lower case. */
  public static List<String> englishWords(String text) {
    List<String> english = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (ENGLISH.contains(w)) {
        english.add(w);
      }
    }
    return english;
  }

  /** The raw codes of {@code text}: enum constants, field names, ISO dates, exception names. */
  public static List<String> rawCodes(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group());
    }
    return codes;
  }

  /** "english [the, not]; codes [birth_date]", or "" when the text is clean. */
  public static String faults(String text) {
    List<String> en = englishWords(text);
    List<String> codes = rawCodes(text);
    if (en.isEmpty() && codes.isEmpty()) {
      return "";
    }
    return "english " + en + "; codes " + codes;
  }

  /**
   * What the window says of each refusal of an import ("line field: text", {@code said} giving the
   * text), after checking that each carries a wording {@code msg} has and that none holds an
   * English word or a raw code.
   */
  public static List<String> refusals(
      fr.passerelle.ui.Messages msg,
      List<fr.passerelle.tabular.RowError> errors,
      java.util.function.BiFunction<
              fr.passerelle.ui.Messages, fr.passerelle.tabular.RowError, String>
          said) {
    List<String> out = new ArrayList<>();
    for (fr.passerelle.tabular.RowError e : errors) {
      org.assertj.core.api.Assertions.assertThat(e.wording())
          .as("wording of line %d: %s", e.line(), e.message())
          .isNotNull();
      org.assertj.core.api.Assertions.assertThat(msg.has(e.wording().key()))
          .as(e.wording().key())
          .isTrue();
      String s = e.line() + " " + e.field() + ": " + said.apply(msg, e);
      // an identifier the counselor is told to copy is no word ("…-be99-…" read as "be": flaky)
      String words = s.replaceAll("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}", "");
      org.assertj.core.api.Assertions.assertThat(faults(words)).as(s).isEmpty();
      out.add(s);
    }
    return out;
  }
}
