package fr.passerelle.occupations;

import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.OCCUPATION_TITLE;

import fr.passerelle.db.TextNorm;
import fr.passerelle.search.Kind;
import fr.passerelle.search.SearchHit;
import fr.passerelle.search.SearchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The ROME 4.0 referential: occupations by code, label or job title, accents ignored, typos
 * tolerated (the search index, ADR 0100).
 */
public final class OccupationService {
  private static final int DEFAULT_LIMIT = 50;
  private final DSLContext dsl;
  private final SearchService search;

  /** {@code search}: null to search the database only. */
  public OccupationService(DSLContext dsl, SearchService search) {
    this.dsl = dsl;
    this.search = search;
  }

  /**
   * Every word of the query must start a word of the occupation's label or of one of its job
   * titles, or be a typo of one: "prepa comm" finds N1103 through "Préparateur / Préparatrice de
   * commandes". Best first: exact words, then beginnings, then typos.
   */
  public List<OccupationHit> search(String query) {
    return search(query, DEFAULT_LIMIT);
  }

  public List<OccupationHit> search(String query, int limit) {
    if (search != null && query != null && !query.isBlank()) {
      var found = search.find(Kind.OCCUPATION, query, limit);
      if (found.isPresent()) {
        return found.get().stream().map(OccupationService::hit).toList();
      }
    }
    return searchDatabase(query, limit);
  }

  private static OccupationHit hit(SearchHit h) {
    return new OccupationHit(h.id(), h.title(), h.detail(), h.matched());
  }

  /** The database's answer (while the index is built): every word starts a word, no typo. */
  List<OccupationHit> searchDatabase(String query, int limit) {
    List<String> tokens =
        java.util.Arrays.stream(TextNorm.normalize(query).split(" "))
            .filter(w -> !w.isEmpty())
            .toList();
    if (tokens.isEmpty()) {
      return List.of();
    }
    Map<String, OccupationHit> hits = new LinkedHashMap<>();
    String maybeCode = query.trim().toUpperCase(Locale.ROOT);
    if (maybeCode.matches("[A-N]\\d{0,4}")) {
      dsl.selectFrom(OCCUPATION)
          .where(OCCUPATION.ROME_CODE.startsWith(maybeCode))
          .orderBy(OCCUPATION.ROME_CODE)
          .limit(limit)
          .forEach(
              r ->
                  hits.put(
                      r.getRomeCode(),
                      new OccupationHit(r.getRomeCode(), r.getLabel(), r.getDomainLabel(), null)));
    }
    dsl.selectFrom(OCCUPATION)
        .where(allWordsStart(OCCUPATION.LABEL_NORM, tokens))
        .orderBy(OCCUPATION.LABEL)
        .limit(limit)
        .forEach(
            r ->
                hits.putIfAbsent(
                    r.getRomeCode(),
                    new OccupationHit(r.getRomeCode(), r.getLabel(), r.getDomainLabel(), null)));
    dsl.select(
            OCCUPATION.ROME_CODE, OCCUPATION.LABEL, OCCUPATION.DOMAIN_LABEL, OCCUPATION_TITLE.LABEL)
        .from(OCCUPATION_TITLE)
        .join(OCCUPATION)
        .on(OCCUPATION.ROME_CODE.eq(OCCUPATION_TITLE.ROME_CODE))
        .where(allWordsStart(OCCUPATION_TITLE.LABEL_NORM, tokens))
        .orderBy(DSL.length(OCCUPATION_TITLE.LABEL), OCCUPATION_TITLE.LABEL)
        .limit(limit * 4)
        .forEach(
            r ->
                hits.putIfAbsent(
                    r.value1(), new OccupationHit(r.value1(), r.value2(), r.value3(), r.value4())));
    return new ArrayList<>(hits.values()).subList(0, Math.min(limit, hits.size()));
  }

  public Optional<OccupationHit> find(String romeCode) {
    return dsl.selectFrom(OCCUPATION)
        .where(OCCUPATION.ROME_CODE.eq(romeCode))
        .fetchOptional()
        .map(r -> new OccupationHit(r.getRomeCode(), r.getLabel(), r.getDomainLabel(), null));
  }

  private static Condition allWordsStart(Field<String> normalised, List<String> tokens) {
    Field<String> padded = DSL.concat(DSL.inline(" "), normalised);
    return DSL.and(tokens.stream().map(t -> padded.like("% " + escape(t) + "%", '!')).toList());
  }

  private static String escape(String token) {
    return token.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
