package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_TOKEN;

import fr.passerelle.db.TextNorm;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Turns a {@link CandidateQuery} into SQL over the token table (ADR 0040): each typed word must
 * start a name word of the candidate, or (from 3 letters) a word of their commune's name or of a
 * target occupation's label or job title, resolved first against the in-memory reference data.
 */
final class CandidateSearch {
  /** Words shorter than this match names only (a commune or job title needs 3 letters). */
  static final int MIN_EXPANDED = 3;

  private final ReferenceLookup ref;

  CandidateSearch(ReferenceLookup ref) {
    this.ref = ref;
  }

  /** The WHERE condition on {@code CANDIDATE}; false when a filter cannot match anything. */
  Condition condition(CandidateQuery q) {
    List<Condition> all = new ArrayList<>();
    all.add(CANDIDATE.DELETED.isFalse());
    for (String word : TextNorm.tokens(q.text())) {
      all.add(CANDIDATE.ID.in(wordMatches(word)));
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
      all.add(area.isEmpty() ? DSL.falseCondition() : CANDIDATE.COMMUNE_CODE.in(area));
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
    if (q.consentShare() != null) {
      Condition consented =
          DSL.exists(
              DSL.selectOne()
                  .from(CANDIDATE_CONSENT)
                  .where(CANDIDATE_CONSENT.ID.eq(CANDIDATE.ID))
                  .and(CANDIDATE_CONSENT.DELETED.isFalse())
                  .and(CANDIDATE_CONSENT.SHARE.isTrue()));
      all.add(q.consentShare() ? consented : DSL.not(consented));
    }
    return DSL.and(all);
  }

  private Select<org.jooq.Record1<UUID>> wordMatches(String word) {
    var byName =
        DSL.select(CANDIDATE_TOKEN.CANDIDATE_ID)
            .from(CANDIDATE_TOKEN)
            .where(CANDIDATE_TOKEN.TOKEN.ge(word))
            .and(CANDIDATE_TOKEN.TOKEN.lt(word + "{"));
    List<String> keys = expandedKeys(word);
    if (keys.isEmpty()) {
      return byName;
    }
    return byName.unionAll(
        DSL.select(CANDIDATE_TOKEN.CANDIDATE_ID)
            .from(CANDIDATE_TOKEN)
            .where(CANDIDATE_TOKEN.TOKEN.in(keys)));
  }

  /** The commune and occupation keys a word of 3 letters or more names. */
  private List<String> expandedKeys(String word) {
    if (word.length() < MIN_EXPANDED) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    ref.communesWithWord(word).forEach(c -> keys.add(CandidateIndex.COMMUNE + c));
    ref.occupationsWithWord(word).forEach(o -> keys.add(CandidateIndex.OCCUPATION + o));
    return keys;
  }

  private static Condition hasOccupationIn(Set<String> romeCodes) {
    return CANDIDATE.ID.in(
        DSL.select(CANDIDATE_TOKEN.CANDIDATE_ID)
            .from(CANDIDATE_TOKEN)
            .where(CANDIDATE_TOKEN.TOKEN.in(occupationKeys(romeCodes))));
  }

  private static List<String> occupationKeys(Set<String> romeCodes) {
    return romeCodes.stream().map(r -> CandidateIndex.OCCUPATION + r).collect(Collectors.toList());
  }

  /** The candidates of the in-memory index that {@link #condition} selects (ADR 0041). */
  BitSet select(NameOrderIndex idx, CandidateQuery q) {
    BitSet hits = idx.all();
    for (String word : TextNorm.tokens(q.text())) {
      hits.and(idx.matching(word, expandedKeys(word)));
    }
    if (notBlank(q.romeCode())) {
      hits.and(
          idx.withAnyKey(occupationKeys(Set.of(q.romeCode().trim().toUpperCase(Locale.ROOT)))));
    } else if (notBlank(q.domainCode())) {
      hits.and(idx.withAnyKey(occupationKeys(ref.occupationsOfDomain(q.domainCode().trim()))));
    }
    if (notBlank(q.communeCode())) {
      int km = q.radiusKm() == null ? 0 : Math.max(0, q.radiusKm());
      Set<String> area = ref.communesWithin(q.communeCode().trim(), km);
      hits.and(idx.withAnyKey(area.stream().map(c -> CandidateIndex.COMMUNE + c).toList()));
    }
    if (q.availableBy() != null) {
      idx.keepAvailableBy(hits, q.availableBy());
    }
    if (q.status() != null) {
      idx.keepStatus(hits, q.status().name());
    }
    if (!q.criteria().isEmpty()) {
      idx.keepAnyCriterion(hits, q.criteria());
    }
    if (q.consentShare() != null) {
      idx.keepConsentShare(hits, q.consentShare());
    }
    return hits;
  }

  /**
   * A page from the in-memory index (ADR 0041): the same matches and order as {@link
   * #page(DSLContext, CandidateQuery, int, int)}, the count exact up to the cap.
   */
  CandidatePage page(DSLContext ctx, NameOrderIndex idx, CandidateQuery q, int offset, int limit) {
    BitSet hits = select(idx, q);
    List<UUID> ids = new ArrayList<>(limit);
    int skipped = 0;
    for (int n = hits.nextSetBit(0); n >= 0 && ids.size() < limit; n = hits.nextSetBit(n + 1)) {
      if (skipped++ >= offset) {
        ids.add(idx.id(n));
      }
    }
    Map<UUID, Record> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      summaryColumns(ctx)
          .where(CANDIDATE.ID.in(ids))
          .and(CANDIDATE.DELETED.isFalse())
          .forEach(r -> byId.put(r.get(CANDIDATE.ID), r));
    }
    List<Record> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    int total = hits.cardinality();
    return new CandidatePage(
        summaries(ctx, rows),
        offset,
        Math.min(total, CandidateService.COUNT_CAP),
        total > CandidateService.COUNT_CAP);
  }

  /** One page, ordered by name. */
  List<CandidateSummary> page(DSLContext ctx, CandidateQuery q, int offset, int limit) {
    var rows =
        summaryColumns(ctx)
            .where(condition(q))
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

  /** Summaries of these candidate rows (id, names, birth date, commune, status, availability). */
  List<CandidateSummary> summaries(DSLContext ctx, List<? extends Record> rows) {
    List<UUID> ids = rows.stream().map(r -> r.get(CANDIDATE.ID)).toList();
    Map<UUID, String> occupations = new HashMap<>();
    Map<UUID, Boolean> consent = new HashMap<>();
    if (!ids.isEmpty()) {
      ctx.select(CANDIDATE_OCCUPATION.CANDIDATE_ID, CANDIDATE_OCCUPATION.ROME_CODE)
          .from(CANDIDATE_OCCUPATION)
          .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.in(ids))
          .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
          .orderBy(CANDIDATE_OCCUPATION.EXPERIENCE_YEARS.desc().nullsLast())
          .forEach(
              r ->
                  occupations.merge(
                      r.value1(),
                      ref.occupation(r.value2())
                          .map(ReferenceLookup.Occupation::label)
                          .orElse(r.value2()),
                      (a, b) -> a + ", " + b));
      ctx.select(CANDIDATE_CONSENT.ID, CANDIDATE_CONSENT.SHARE)
          .from(CANDIDATE_CONSENT)
          .where(CANDIDATE_CONSENT.ID.in(ids))
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

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
