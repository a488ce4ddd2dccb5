package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;

import fr.passerelle.db.TextNorm;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The database's answer to a search while the index is not current (being built after a restore,
 * catching up after a large import): every typed word must start a word of the name or title
 * (candidates, occupations), or appear in it (offers, meetings, employers). No typo tolerance, no
 * ranking beyond name or date order; the same consent rule.
 */
final class DatabaseSearch {
  private static final DateTimeFormatter DAY = fr.passerelle.core.DateFormats.DAY;

  private DatabaseSearch() {}

  static List<SearchHit> find(
      DSLContext ctx, Kind kind, String text, int limit, boolean consentingOnly) {
    List<String> words = new ArrayList<>();
    for (String w : TextNorm.normalize(text).split(" ")) {
      if (!w.isEmpty() && !FrenchText.isStopWord(w)) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return List.of();
    }
    return switch (kind) {
      case CANDIDATE -> candidates(ctx, words, limit, consentingOnly);
      case OCCUPATION ->
          ctx.select(OCCUPATION.ROME_CODE, OCCUPATION.LABEL, OCCUPATION.DOMAIN_LABEL)
              .from(OCCUPATION)
              .where(
                  DSL.or(
                      allStart(OCCUPATION.LABEL_NORM, words),
                      OCCUPATION.ROME_CODE.startsWith(text.trim().toUpperCase(Locale.ROOT))))
              .orderBy(OCCUPATION.ROME_CODE)
              .limit(limit)
              .fetch(r -> new SearchHit(kind, r.value1(), r.value2(), r.value3(), null, 0));
      case OFFER ->
          titled(
              ctx,
              kind,
              JOB_OFFER.ID,
              JOB_OFFER.TITLE,
              JOB_OFFER.OPENED_ON,
              JOB_OFFER.DELETED,
              words,
              limit);
      case MEETING ->
          titled(
              ctx,
              kind,
              MEETING.ID,
              MEETING.TITLE,
              MEETING.STARTS_AT,
              MEETING.DELETED,
              words,
              limit);
      case EMPLOYER ->
          ctx.select(EMPLOYER.ID, EMPLOYER.NAME, EMPLOYER.SIRET)
              .from(EMPLOYER)
              .where(EMPLOYER.DELETED.isFalse())
              .and(allIn(EMPLOYER.NAME, words))
              .orderBy(EMPLOYER.NAME)
              .limit(limit)
              .fetch(
                  r -> new SearchHit(kind, r.value1().toString(), r.value2(), r.value3(), null, 0));
    };
  }

  /** Records whose title holds every word, newest first, the date as detail. */
  private static <D extends java.time.temporal.TemporalAccessor> List<SearchHit> titled(
      DSLContext ctx,
      Kind kind,
      org.jooq.TableField<?, java.util.UUID> id,
      Field<String> title,
      Field<D> date,
      Field<Boolean> deleted,
      List<String> words,
      int limit) {
    return ctx.select(id, title, date)
        .from(id.getTable())
        .where(deleted.isFalse())
        .and(allIn(title, words))
        .orderBy(date.desc().nullsLast())
        .limit(limit)
        .fetch(
            r ->
                new SearchHit(
                    kind,
                    r.value1().toString(),
                    r.value2(),
                    r.value3() == null ? null : DAY.format(r.value3()),
                    null,
                    0));
  }

  private static List<SearchHit> candidates(
      DSLContext ctx, List<String> words, int limit, boolean consentingOnly) {
    Condition consent = ConsentRule.applied(CANDIDATE.ID, consentingOnly);
    return ctx.select(CANDIDATE.ID, CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME, CANDIDATE.BIRTH_DATE)
        .from(CANDIDATE)
        .where(CANDIDATE.DELETED.isFalse())
        .and(allStart(CANDIDATE.NAME_NORM, words))
        .and(consent)
        .orderBy(CANDIDATE.NAME_NORM, CANDIDATE.ID)
        .limit(limit)
        .fetch(
            r ->
                new SearchHit(
                    Kind.CANDIDATE,
                    r.value1().toString(),
                    ((r.value2() == null ? "" : r.value2().toUpperCase(Locale.FRANCE))
                            + " "
                            + (r.value3() == null ? "" : r.value3()))
                        .trim(),
                    r.value4() == null ? null : DAY.format(r.value4()),
                    null,
                    0));
  }

  /** Every word starts a word of the normalised column. */
  private static Condition allStart(Field<String> normalised, List<String> words) {
    Field<String> padded = DSL.concat(DSL.inline(" "), normalised);
    return DSL.and(words.stream().map(w -> padded.like("% " + escape(w) + "%", '!')).toList());
  }

  /** Every word appears in the column, case ignored (accents are not folded here). */
  private static Condition allIn(Field<String> column, List<String> words) {
    return DSL.and(
        words.stream().map(w -> DSL.lower(column).like("%" + escape(w) + "%", '!')).toList());
  }

  private static String escape(String word) {
    return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
