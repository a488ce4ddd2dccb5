package fr.passerelle.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Typed text → a Lucene query (ADR 0100). Every typed word must match (AND); a word matches a field
 * exactly, as the start of a word (typing), by its sound (surnames) or with typos (one edit from 4
 * letters, two from 8), scored in that order so that exact matches come first. Scores are constant
 * per kind of match and field, never by word frequency: ranking is predictable.
 */
final class SearchQueries {
  static final float EXACT = 8;
  static final float PREFIX = 4;
  static final float SOUND = 3;
  static final float ONE_EDIT = 2;
  static final float TWO_EDITS = 1;

  /** Words shorter than this match names and codes only (a commune or job title needs 3). */
  static final int MIN_PLACE_WORD = 3;

  private static final Pattern DIGITS = Pattern.compile("[+()0-9.\\-]*[0-9][+()0-9.\\-]*");

  /** A searched field: its weight, the shortest word that may match it, typos allowed or not. */
  record Target(String field, float weight, int minLength, boolean fuzzy) {}

  static final List<Target> CANDIDATE =
      List.of(
          new Target(Fields.LAST, 1.0f, 1, true),
          new Target(Fields.FIRST, 0.9f, 1, true),
          new Target(Fields.PLACE, 0.6f, MIN_PLACE_WORD, true),
          new Target(Fields.JOBS, 0.5f, MIN_PLACE_WORD, true));
  static final List<Target> OFFER =
      List.of(
          new Target(Fields.TEXT, 1.0f, 1, true),
          new Target(Fields.ORG, 0.9f, 1, true),
          new Target(Fields.CODE, 0.9f, 1, false),
          new Target(Fields.JOBS, 0.7f, MIN_PLACE_WORD, true),
          new Target(Fields.PLACE, 0.6f, MIN_PLACE_WORD, true));
  static final List<Target> MEETING =
      List.of(
          new Target(Fields.TEXT, 1.0f, 1, true),
          new Target(Fields.JOBS, 0.7f, MIN_PLACE_WORD, true),
          new Target(Fields.PLACE, 0.6f, MIN_PLACE_WORD, true));
  static final List<Target> EMPLOYER =
      List.of(
          new Target(Fields.TEXT, 1.0f, 1, true),
          new Target(Fields.CODE, 0.9f, 1, false),
          new Target(Fields.PLACE, 0.6f, MIN_PLACE_WORD, true));
  static final List<Target> OCCUPATION =
      List.of(
          new Target(Fields.TEXT, 1.0f, 1, true),
          new Target(Fields.CODE, 1.0f, 1, false),
          new Target(Fields.JOBS, 0.9f, 1, true));

  private SearchQueries() {}

  static List<Target> targets(Kind kind) {
    return switch (kind) {
      case CANDIDATE -> CANDIDATE;
      case OFFER -> OFFER;
      case MEETING -> MEETING;
      case EMPLOYER -> EMPLOYER;
      case OCCUPATION -> OCCUPATION;
    };
  }

  /**
   * The query for {@code text} on a kind, or null when the text holds no word. Candidates also
   * match an e-mail (a word with "@") and a phone number typed with or without spaces.
   */
  static Query text(Kind kind, String text) {
    Typed t = parse(kind, text);
    return t == null ? null : t.query();
  }

  /**
   * Typed text, parsed: one clause per typed word (its ways of matching, see {@link #ways}), and
   * the other clauses (a phone number, an e-mail). Every clause must match; a document's score is
   * the sum over clauses of the best way each matches.
   */
  record Typed(List<List<Way>> words, List<Query> others) {
    Query query() {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      others.forEach(c -> all.add(c, BooleanClause.Occur.MUST));
      words.forEach(w -> all.add(anyWay(w), BooleanClause.Occur.MUST));
      return all.build();
    }

    /** The ways of the one typed word, when the text is one word and nothing else; else null. */
    List<Way> singleWord() {
      return others.isEmpty() && words.size() == 1 ? words.get(0) : null;
    }
  }

  /** One way a typed word matches, and the constant score it gives. */
  record Way(Query query, float score) {}

  /** {@link #text}, parsed; null when the text holds no word. */
  static Typed parse(Kind kind, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    boolean person = kind == Kind.CANDIDATE;
    List<Query> clauses = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder digits = new StringBuilder();
    for (String chunk : text.trim().split("\\s+")) {
      if (person && DIGITS.matcher(chunk).matches()) {
        digits.append(FrenchText.digits(chunk));
        continue;
      }
      flushDigits(digits, words, clauses, person);
      if (person && chunk.indexOf('@') > 0) {
        clauses.add(email(chunk));
      } else {
        words.addAll(FrenchText.words(chunk));
      }
    }
    flushDigits(digits, words, clauses, person);
    List<String> meaningful = new ArrayList<>(words);
    meaningful.removeAll(FrenchText.STOP_WORDS);
    if (!meaningful.isEmpty()) {
      words = meaningful;
    }
    List<Target> targets = targets(kind);
    List<List<Way>> perWord = new ArrayList<>();
    for (String w : words) {
      perWord.add(ways(w, targets, person));
    }
    if (clauses.isEmpty() && perWord.isEmpty()) {
      return null;
    }
    return new Typed(perWord, clauses);
  }

  /** Typed digits: a phone number from 4 digits on (a prefix of the stored one), else words. */
  private static void flushDigits(
      StringBuilder digits, List<String> words, List<Query> clauses, boolean person) {
    if (digits.length() == 0) {
      return;
    }
    String d = digits.toString();
    digits.setLength(0);
    if (person && d.length() >= 4) {
      String key = FrenchText.phoneKey(d);
      String typed = key.isEmpty() ? d : key;
      clauses.add(
          new DisjunctionMaxQuery(
              List.of(
                  scored(new TermQuery(new Term(Fields.PHONE, typed)), EXACT),
                  scored(new PrefixQuery(new Term(Fields.PHONE, typed)), PREFIX)),
              0));
    } else {
      words.add(d);
    }
  }

  private static Query email(String chunk) {
    String m = FrenchText.emailKey(chunk);
    return new DisjunctionMaxQuery(
        List.of(
            scored(new TermQuery(new Term(Fields.EMAIL, m)), EXACT),
            scored(new PrefixQuery(new Term(Fields.EMAIL, m)), PREFIX)),
        0);
  }

  /** One typed word on every target: the best way it matches counts. */
  static Query word(String w, List<Target> targets, boolean surnameSounds) {
    return anyWay(ways(w, targets, surnameSounds));
  }

  /** The ways a typed word matches a document, each with its constant score. */
  static List<Way> ways(String w, List<Target> targets, boolean surnameSounds) {
    List<Way> ways = new ArrayList<>();
    for (Target t : targets) {
      if (w.length() < t.minLength()) {
        continue;
      }
      Term term = new Term(t.field(), w);
      ways.add(new Way(new TermQuery(term), EXACT * t.weight()));
      ways.add(new Way(new PrefixQuery(term), PREFIX * t.weight()));
      if (t.fuzzy() && w.length() >= 4 && !Character.isDigit(w.charAt(0))) {
        ways.add(new Way(new FuzzyQuery(term, 1, 1), ONE_EDIT * t.weight()));
        if (w.length() >= 8) {
          ways.add(new Way(new FuzzyQuery(term, 2, 1), TWO_EDITS * t.weight()));
        }
      }
    }
    if (surnameSounds) {
      String sound = FrenchPhonetic.encode(w);
      if (sound != null && w.length() >= 4) {
        ways.add(new Way(new TermQuery(new Term(Fields.LAST_PHONETIC, sound)), SOUND));
      }
    }
    return ways;
  }

  /** The best of these ways counts (a disjunction scored by its best clause). */
  static Query anyWay(List<Way> ways) {
    if (ways.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    return new DisjunctionMaxQuery(
        ways.stream().map(w -> scored(w.query(), w.score())).toList(), 0);
  }

  private static Query scored(Query q, float score) {
    return new BoostQuery(new ConstantScoreQuery(q), score);
  }
}
