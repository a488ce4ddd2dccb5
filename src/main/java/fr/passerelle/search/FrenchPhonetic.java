package fr.passerelle.search;

import java.util.regex.Pattern;

/**
 * A small French phonetic key for surnames, for the spellings that sound alike but are more than
 * two letters apart or differ in their first letters: Thibault / Tibo, Lefebvre / Lefèvre, Fontaine
 * / Fonteyne, Rousseau / Rousso, Philippe / Filipe. Input: a folded word ({@link FrenchText#fold});
 * vowels collapse to one sound, silent endings and doubled letters go. It only adds candidates
 * below exact and prefix matches (ADR 0100), so its false friends are cheap.
 */
final class FrenchPhonetic {
  private static final String[][] RULES = {
    {"(eaux|eau|aux|ault|aut|aud|ot|os|aud)$", "o"},
    {"sch|ch|sh", "X"},
    {"ph", "f"},
    {"th", "t"},
    {"gh", "g"},
    {"bvr", "vr"},
    {"qu|ck|q", "k"},
    {"g(?=[eiy])", "j"},
    {"gu(?=[eiy])", "g"},
    {"c(?=[eiy])", "s"},
    {"c", "k"},
    {"x", "ks"},
    {"z", "s"},
    {"w", "v"},
    {"y", "i"},
    {"h", ""},
    {"eau|au", "o"},
    {"ou", "u"},
    {"(er|ez|et)$", "e"},
    {"(ain|ein|in|im|un|um)(?=[^aeiou]|$)", "1"},
    {"(an|am|en|em)(?=[^aeiou]|$)", "2"},
    {"(on|om)(?=[^aeiou]|$)", "3"},
    {"ai|ei", "e"},
    {"([aeiou123])[tdsxzp]+$", "$1"},
    {"(.)\\1+", "$1"},
    {"(?<=..)e$", ""},
    {"([aeiou])[aeiou]+", "$1"},
  };

  private static final Pattern[] PATTERNS = new Pattern[RULES.length];

  static {
    for (int i = 0; i < RULES.length; i++) {
      PATTERNS[i] = Pattern.compile(RULES[i][0]);
    }
  }

  private FrenchPhonetic() {}

  /** The key of a folded word of 3 letters or more, or null (digits, too short). */
  static String encode(String word) {
    if (word == null || word.length() < 3) {
      return null;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return null;
      }
    }
    String s = word;
    for (int i = 0; i < RULES.length; i++) {
      s = PATTERNS[i].matcher(s).replaceAll(RULES[i][1]);
    }
    return s.isEmpty() ? null : s.toUpperCase(java.util.Locale.ROOT);
  }
}
