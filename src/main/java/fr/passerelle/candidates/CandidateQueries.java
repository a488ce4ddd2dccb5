package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import fr.passerelle.db.InLists;
import fr.passerelle.db.TextNorm;
import fr.passerelle.search.CandidateFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A {@link CandidateQuery} for the search index ({@link #filter}) and, while the index is not
 * current, as SQL (ADR 0100): each typed word must start a word of the candidate's name, or (from 3
 * letters) a word of their commune's name or of a target occupation's label or job title, resolved
 * first against the in-memory reference data. The SQL path tolerates no typo and scans the names:
 * it only answers while the index is being built or caught up.
 */
final class CandidateQueries {
  /** Words shorter than this match names only (a commune or job title needs 3 letters). */
  static final int MIN_EXPANDED = 3;

  private final ReferenceLookup ref;
  private final java.time.LocalDate today;

  /** A search that takes no age band (summaries only). */
  CandidateQueries(ReferenceLookup ref) {
    this(ref, null);
  }

  /** {@code today}: the day an age band is counted on. */
  CandidateQueries(ReferenceLookup ref, java.time.LocalDate today) {
    this.ref = ref;
    this.today = today;
  }

  /**
   * True when the search index can answer {@code q}: it holds no age band (an age changes every
   * day), so a query on one is answered by the database (ADR 0185).
   */
  static boolean indexCanAnswer(CandidateQuery q) {
    return q.ageBand() == null;
  }

  /** The query as the search index takes it: the domain and the radius resolved into codes. */
  CandidateFilter filter(CandidateQuery q) {
    Set<String> romes = null;
    if (notBlank(q.romeCode())) {
      romes = Set.of(q.romeCode().trim().toUpperCase(Locale.ROOT));
    } else if (notBlank(q.domainCode())) {
      romes = ref.occupationsOfDomain(q.domainCode().trim());
    }
    Set<String> area = null;
    if (notBlank(q.communeCode())) {
      int km = q.radiusKm() == null ? 0 : Math.max(0, q.radiusKm());
      area = ref.communesWithin(q.communeCode().trim(), km);
    }
    return new CandidateFilter(
        q.text(),
        romes,
        area,
        q.availableBy(),
        q.status() == null ? null : q.status().name(),
        q.criteria().stream().map(Enum::name).collect(Collectors.toSet()),
        q.consentShare());
  }

  /**
   * The WHERE condition on {@code CANDIDATE}; false when a filter cannot match anything. {@code
   * consentingOnly}: only persons who consented to share (a partner installation).
   */
  Condition condition(CandidateQuery q, boolean consentingOnly) {
    List<Condition> all = new ArrayList<>();
    all.add(CANDIDATE.DELETED.isFalse());
    for (String word : words(q.text())) {
      all.add(wordMatches(word));
    }
    if (notBlank(q.romeCode())) {
      all.add(hasOccupationIn(Set.of(q.romeCode().trim().toUpperCase(Locale.ROOT))));
    } else if (notBlank(q.domainCode())) {
      Set<String> codes = ref.occupationsOfDomain(q.domainCode().trim());
      all.add(codes.isEmpty() ? DSL.falseCondition() : hasOccupationIn(codes));
    }
    if (notBlank(q.communeCode())) {
      int km = q.radiusKm() == null ? 0 : Math.max(0, q.radiusKm());
      Set<String> area = ref.communesWithin(q.communeCode().trim(), km);
      all.add(area.isEmpty() ? DSL.falseCondition() : InLists.in(CANDIDATE.COMMUNE_CODE, area));
    }
    if (q.availableBy() != null) {
      all.add(CANDIDATE.AVAILABLE_FROM.isNull().or(CANDIDATE.AVAILABLE_FROM.le(q.availableBy())));
    }
    if (q.status() != null) {
      all.add(CANDIDATE.STATUS.eq(q.status().name()));
    }
    if (!q.criteria().isEmpty()) {
      all.add(
          DSL.exists(
              DSL.selectOne()
                  .from(CANDIDATE_CRITERION)
                  .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(CANDIDATE.ID))
                  .and(CANDIDATE_CRITERION.DELETED.isFalse())
                  .and(
                      CANDIDATE_CRITERION.CRITERION.in(
                          q.criteria().stream().map(Enum::name).toList()))));
    }
    if (q.ageBand() != null) {
      if (today == null) {
        throw new IllegalStateException("an age band needs the day it is counted on");
      }
      java.time.LocalDate[] born = q.ageBand().birthDates(today);
      all.add(born[0] == null ? DSL.trueCondition() : CANDIDATE.BIRTH_DATE.ge(born[0]));
      all.add(CANDIDATE.BIRTH_DATE.le(born[1]));
    }
    if (consentingOnly) {
      all.add(fr.passerelle.search.ConsentRule.consented(CANDIDATE.ID));
    }
    if (q.consentShare() != null) {
      Condition consented = fr.passerelle.search.ConsentRule.consented(CANDIDATE.ID);
      all.add(q.consentShare() ? consented : DSL.not(consented));
    }
    return DSL.and(all);
  }

  /** The typed words as stored in {@code name_norm}; words like "de" dropped if others remain. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : TextNorm.normalize(text).split(" ")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    List<String> meaningful =
        words.stream().filter(w -> !fr.passerelle.search.FrenchText.isStopWord(w)).toList();
    return meaningful.isEmpty() ? words : meaningful;
  }

  /** A word starts a word of the name, or (from 3 letters) of the commune or an occupation. */
  private Condition wordMatches(String word) {
    Field<String> padded = DSL.concat(DSL.inline(" "), CANDIDATE.NAME_NORM);
    List<Condition> any = new ArrayList<>();
    any.add(padded.like("% " + escape(word) + "%", '!'));
    if (word.length() >= MIN_EXPANDED) {
      Set<String> communes = ref.communesWithWord(word);
      if (!communes.isEmpty()) {
        any.add(InLists.in(CANDIDATE.COMMUNE_CODE, communes));
      }
      Set<String> occupations = ref.occupationsWithWord(word);
      if (!occupations.isEmpty()) {
        any.add(hasOccupationIn(occupations));
      }
    }
    return DSL.or(any);
  }

  private static String escape(String word) {
    return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Condition hasOccupationIn(Set<String> romeCodes) {
    return DSL.exists(
        DSL.selectOne()
            .from(CANDIDATE_OCCUPATION)
            .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(CANDIDATE.ID))
            .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
            .and(InLists.in(CANDIDATE_OCCUPATION.ROME_CODE, romeCodes)));
  }

  /** One page, ordered by name (the database's answer). */
  List<CandidateSummary> page(
      DSLContext ctx, CandidateQuery q, boolean consentingOnly, int offset, int limit) {
    var rows =
        summaryColumns(ctx)
            .where(condition(q, consentingOnly))
            .orderBy(CANDIDATE.NAME_NORM, CANDIDATE.ID)
            .limit(limit)
            .offset(offset)
            .fetch();
    return summaries(ctx, rows);
  }

  private static org.jooq.SelectJoinStep<?> summaryColumns(DSLContext ctx) {
    return ctx.select(
            CANDIDATE.ID,
            CANDIDATE.LAST_NAME,
            CANDIDATE.FIRST_NAME,
            CANDIDATE.BIRTH_DATE,
            CANDIDATE.COMMUNE_CODE,
            CANDIDATE.STATUS,
            CANDIDATE.AVAILABLE_FROM)
        .from(CANDIDATE);
  }

  /** Summaries of the live candidates among {@code ids}, in no particular order. */
  List<CandidateSummary> summariesOf(DSLContext ctx, java.util.Collection<UUID> ids) {
    var rows =
        summaryColumns(ctx)
            .where(InLists.in(CANDIDATE.ID, ids))
            .and(CANDIDATE.DELETED.isFalse())
            .fetch();
    return summaries(ctx, rows);
  }

  /** Summaries of these candidate rows (id, names, birth date, commune, status, availability). */
  List<CandidateSummary> summaries(DSLContext ctx, List<? extends Record> rows) {
    List<UUID> ids = rows.stream().map(r -> r.get(CANDIDATE.ID)).toList();
    Map<UUID, String> occupations = new HashMap<>();
    Map<UUID, Boolean> consent = new HashMap<>();
    if (!ids.isEmpty()) {
      ctx.select(CANDIDATE_OCCUPATION.CANDIDATE_ID, CANDIDATE_OCCUPATION.ROME_CODE)
          .from(CANDIDATE_OCCUPATION)
          .where(InLists.in(CANDIDATE_OCCUPATION.CANDIDATE_ID, ids))
          .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
          .orderBy(fr.passerelle.search.CandidateCard.OCCUPATION_ORDER)
          .forEach(
              r ->
                  occupations.merge(
                      r.value1(), occupationLabel(r.value2()), (a, b) -> a + ", " + b));
      ctx.select(CANDIDATE_CONSENT.ID, CANDIDATE_CONSENT.SHARE)
          .from(CANDIDATE_CONSENT)
          .where(InLists.in(CANDIDATE_CONSENT.ID, ids))
          .and(CANDIDATE_CONSENT.DELETED.isFalse())
          .forEach(r -> consent.put(r.value1(), Boolean.TRUE.equals(r.value2())));
    }
    Map<UUID, CandidateSummary> out = new LinkedHashMap<>();
    for (Record r : rows) {
      UUID id = r.get(CANDIDATE.ID);
      String commune = r.get(CANDIDATE.COMMUNE_CODE);
      out.put(
          id,
          new CandidateSummary(
              id,
              r.get(CANDIDATE.LAST_NAME),
              r.get(CANDIDATE.FIRST_NAME),
              r.get(CANDIDATE.BIRTH_DATE),
              commune,
              commune == null ? "" : ref.communeLabel(commune),
              CandidateStatus.parse(r.get(CANDIDATE.STATUS)).orElse(null),
              r.get(CANDIDATE.AVAILABLE_FROM),
              occupations.getOrDefault(id, ""),
              consent.getOrDefault(id, false)));
    }
    return new ArrayList<>(out.values());
  }

  /** The row of a candidate the index answered with (the same as {@link #summaries} reads). */
  CandidateSummary summary(fr.passerelle.search.CandidateCard c) {
    String commune = c.communeCode();
    return new CandidateSummary(
        c.id(),
        c.lastName(),
        c.firstName(),
        c.birthDate(),
        commune,
        commune == null ? "" : ref.communeLabel(commune),
        CandidateStatus.parse(c.status()).orElse(null),
        c.availableFrom(),
        c.romeCodes().stream().map(this::occupationLabel).collect(Collectors.joining(", ")),
        c.consentShare());
  }

  private String occupationLabel(String romeCode) {
    return ref.occupation(romeCode).map(ReferenceLookup.Occupation::label).orElse(romeCode);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
