package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_TOKEN;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Finds existing candidates that look like the same person: same normalised name and birth date,
 * same e-mail, or same phone (normalised). Works on batches of rows (imports) with three indexed
 * queries per batch.
 */
final class DuplicateFinder {
  private final ReferenceLookup ref;

  DuplicateFinder(ReferenceLookup ref) {
    this.ref = ref;
  }

  List<Duplicate> find(DSLContext ctx, CandidateDetail d) {
    return findBatch(ctx, List.of(d)).get(0);
  }

  /** For each row, the existing candidates it duplicates (the row's own id excluded). */
  List<List<Duplicate>> findBatch(DSLContext ctx, List<CandidateDetail> rows) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    for (CandidateDetail d : rows) {
      if (d.birthDate() != null) {
        names.add(CandidateIndex.nameNorm(d.lastName(), d.firstName()));
      }
      String m = CandidateIndex.emailKey(d.email());
      if (!m.isEmpty()) {
        keys.add(CandidateIndex.EMAIL + m);
      }
      String p = CandidateIndex.phoneKey(d.phone());
      if (!p.isEmpty()) {
        keys.add(CandidateIndex.PHONE + p);
      }
    }
    Map<String, List<Record>> byName = new HashMap<>();
    if (!names.isEmpty()) {
      ctx.select(CANDIDATE.ID, CANDIDATE.NAME_NORM, CANDIDATE.BIRTH_DATE)
          .from(CANDIDATE)
          .where(CANDIDATE.NAME_NORM.in(names))
          .and(CANDIDATE.DELETED.isFalse())
          .forEach(r -> byName.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r));
    }
    Map<String, List<UUID>> byKey = new HashMap<>();
    if (!keys.isEmpty()) {
      ctx.select(CANDIDATE_TOKEN.TOKEN, CANDIDATE_TOKEN.CANDIDATE_ID)
          .from(CANDIDATE_TOKEN)
          .where(CANDIDATE_TOKEN.TOKEN.in(keys))
          .forEach(r -> byKey.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    }
    List<Map<UUID, Duplicate.Reason>> found = new ArrayList<>();
    Set<UUID> all = new LinkedHashSet<>();
    for (CandidateDetail d : rows) {
      Map<UUID, Duplicate.Reason> hits = new LinkedHashMap<>();
      if (d.birthDate() != null) {
        for (Record r :
            byName.getOrDefault(CandidateIndex.nameNorm(d.lastName(), d.firstName()), List.of())) {
          if (d.birthDate().equals(r.get(CANDIDATE.BIRTH_DATE))) {
            hits.putIfAbsent(r.get(CANDIDATE.ID), Duplicate.Reason.NAME_AND_BIRTH_DATE);
          }
        }
      }
      String m = CandidateIndex.emailKey(d.email());
      if (!m.isEmpty()) {
        byKey
            .getOrDefault(CandidateIndex.EMAIL + m, List.of())
            .forEach(id -> hits.putIfAbsent(id, Duplicate.Reason.EMAIL));
      }
      String p = CandidateIndex.phoneKey(d.phone());
      if (!p.isEmpty()) {
        byKey
            .getOrDefault(CandidateIndex.PHONE + p, List.of())
            .forEach(id -> hits.putIfAbsent(id, Duplicate.Reason.PHONE));
      }
      if (d.id() != null) {
        hits.remove(d.id());
      }
      hits.keySet().removeIf(Objects::isNull);
      all.addAll(hits.keySet());
      found.add(hits);
    }
    Map<UUID, CandidateSummary> summaries = new HashMap<>();
    if (!all.isEmpty()) {
      var recs =
          ctx.select(
                  CANDIDATE.ID,
                  CANDIDATE.LAST_NAME,
                  CANDIDATE.FIRST_NAME,
                  CANDIDATE.BIRTH_DATE,
                  CANDIDATE.COMMUNE_CODE,
                  CANDIDATE.STATUS,
                  CANDIDATE.AVAILABLE_FROM)
              .from(CANDIDATE)
              .where(CANDIDATE.ID.in(all))
              .and(CANDIDATE.DELETED.isFalse())
              .fetch();
      new CandidateSearch(ref).summaries(ctx, recs).forEach(s -> summaries.put(s.id(), s));
    }
    List<List<Duplicate>> out = new ArrayList<>();
    for (Map<UUID, Duplicate.Reason> hits : found) {
      List<Duplicate> list = new ArrayList<>();
      hits.forEach(
          (id, reason) -> {
            CandidateSummary s = summaries.get(id);
            if (s != null) {
              list.add(new Duplicate(s, reason));
            }
          });
      out.add(list);
    }
    return out;
  }
}
