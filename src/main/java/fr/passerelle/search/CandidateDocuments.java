package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.search.DocumentParts.base;
import static fr.passerelle.search.DocumentParts.display;
import static fr.passerelle.search.DocumentParts.join;
import static fr.passerelle.search.DocumentParts.keyword;
import static fr.passerelle.search.DocumentParts.sort;
import static fr.passerelle.search.DocumentParts.words;

import fr.passerelle.db.VersionStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.jooq.DSLContext;

/**
 * A candidate's document: names and their sounds, commune, target occupations, contact, filters
 * (ADR 0100).
 */
final class CandidateDocuments {
  private CandidateDocuments() {}

  static Map<String, Document> load(SearchDocuments.Reference ref, DSLContext ctx, List<UUID> ids) {
    Map<String, Document> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<UUID, List<String>> romes = new HashMap<>();
    Map<UUID, List<String>> rows = new HashMap<>();
    ctx.select(
            CANDIDATE_OCCUPATION.CANDIDATE_ID,
            CANDIDATE_OCCUPATION.ROME_CODE,
            CANDIDATE_OCCUPATION.ID)
        .from(CANDIDATE_OCCUPATION)
        .where(VersionStore.idIn(CANDIDATE_OCCUPATION.CANDIDATE_ID, ids))
        .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
        // the order a candidate's row lists them in: most experience first
        .orderBy(CandidateCard.OCCUPATION_ORDER)
        .forEach(
            r -> {
              rows.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value3().toString());
              if (r.value2() != null) {
                romes.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
              }
            });
    Map<UUID, List<String>> criteria = new HashMap<>();
    ctx.select(
            CANDIDATE_CRITERION.CANDIDATE_ID, CANDIDATE_CRITERION.CRITERION, CANDIDATE_CRITERION.ID)
        .from(CANDIDATE_CRITERION)
        .where(VersionStore.idIn(CANDIDATE_CRITERION.CANDIDATE_ID, ids))
        .and(CANDIDATE_CRITERION.DELETED.isFalse())
        .forEach(
            r -> {
              rows.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value3().toString());
              if (r.value2() != null) {
                criteria.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
              }
            });
    Set<UUID> sharing = new java.util.HashSet<>();
    ctx.select(CANDIDATE_CONSENT.ID)
        .from(CANDIDATE_CONSENT)
        .where(VersionStore.idIn(CANDIDATE_CONSENT.ID, ids))
        .and(CANDIDATE_CONSENT.DELETED.isFalse())
        .and(CANDIDATE_CONSENT.SHARE.isTrue())
        .forEach(r -> sharing.add(r.value1()));
    ctx.select(
            CANDIDATE.ID,
            CANDIDATE.LAST_NAME,
            CANDIDATE.FIRST_NAME,
            CANDIDATE.NAME_NORM,
            CANDIDATE.BIRTH_DATE,
            CANDIDATE.EMAIL,
            CANDIDATE.PHONE,
            CANDIDATE.COMMUNE_CODE,
            CANDIDATE.STATUS,
            CANDIDATE.AVAILABLE_FROM)
        .from(CANDIDATE)
        .where(VersionStore.idIn(CANDIDATE.ID, ids))
        .and(CANDIDATE.DELETED.isFalse())
        .forEach(
            r -> {
              UUID id = r.value1();
              Document d = base(Kind.CANDIDATE, id.toString());
              String last = r.value2();
              String first = r.value3();
              words(d, Fields.LAST, FrenchText.nameWords(last));
              words(d, Fields.FIRST, FrenchText.nameWords(first));
              List<String> sounds = new ArrayList<>();
              for (String w : FrenchText.nameWords(last)) {
                String s = FrenchPhonetic.encode(w);
                if (s != null) {
                  sounds.add(s);
                }
              }
              words(d, Fields.LAST_PHONETIC, sounds);
              String commune = r.value8();
              String communeName = ref.commune(commune);
              words(d, Fields.PLACE, FrenchText.words(communeName));
              List<String> codes = romes.getOrDefault(id, List.of());
              Set<String> jobs = new LinkedHashSet<>();
              for (String code : codes) {
                d.add(new StringField(Fields.ROME, code, Field.Store.NO));
                if (code.length() >= 3) {
                  d.add(new StringField(Fields.DOMAIN, code.substring(0, 3), Field.Store.NO));
                }
                String w = ref.occupationWords().get(code);
                if (w != null && !w.isEmpty()) {
                  jobs.add(w);
                }
              }
              words(d, Fields.JOBS, jobs);
              keyword(d, Fields.EMAIL, FrenchText.emailKey(r.value6()));
              keyword(d, Fields.PHONE, FrenchText.phoneKey(r.value7()));
              keyword(d, Fields.COMMUNE, commune);
              keyword(d, Fields.STATUS, r.value9());
              for (String c : criteria.getOrDefault(id, List.of())) {
                d.add(new StringField(Fields.CRITERION, c, Field.Store.NO));
              }
              for (String row : rows.getOrDefault(id, List.of())) {
                d.add(new StringField(Fields.ROW, row, Field.Store.NO));
              }
              d.add(
                  new StringField(Fields.SHARE, sharing.contains(id) ? "y" : "n", Field.Store.NO));
              LocalDate from = r.value10();
              CandidateCards.store(
                  d,
                  new CandidateCard(
                      id,
                      last,
                      first,
                      r.value5(),
                      commune,
                      r.value9(),
                      from,
                      codes,
                      sharing.contains(id)));
              d.add(
                  new IntPoint(
                      Fields.AVAILABLE,
                      from == null ? SearchDocuments.NO_DATE : (int) from.toEpochDay()));
              sort(d, r.value4() == null ? FrenchText.fold(last + " " + first) : r.value4());
              String display =
                  ((last == null ? "" : last.toUpperCase(Locale.FRANCE))
                          + " "
                          + (first == null ? "" : first))
                      .trim();
              LocalDate born = r.value5();
              display(
                  d,
                  display,
                  join(born == null ? null : DocumentParts.DAY.format(born), communeName));
              out.put(id.toString(), d);
            });
    return out;
  }
}
