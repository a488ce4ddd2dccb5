package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.db.InLists;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.VersionStore;
import fr.passerelle.search.FrenchText;
import fr.passerelle.search.SearchService;
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
import org.jooq.impl.DSL;

/**
 * Finds existing candidates that look like the same person: same normalised name and birth date,
 * same e-mail, or same phone (normalised). Works on batches of rows (imports): the names by the
 * indexed {@code name_norm}, e-mails and phones by the search index (ADR 0100), or by a scan of the
 * candidates while it is not current.
 */
final class DuplicateFinder {
  private final ReferenceLookup ref;
  private final SearchService search;

  DuplicateFinder(ReferenceLookup ref, SearchService search) {
    this.ref = ref;
    this.search = search;
  }

  /** "Lefèvre" + "Hélène" → "lefevre helene": the stored {@code name_norm}. */
  static String nameNorm(String lastName, String firstName) {
    return TextNorm.normalize(
        (lastName == null ? "" : lastName) + " " + (firstName == null ? "" : firstName));
  }

  List<Duplicate> find(DSLContext ctx, CandidateDetail d) {
    return findBatch(ctx, List.of(d)).get(0);
  }

  /** For each row, the existing candidates it duplicates (the row's own id excluded). */
  List<List<Duplicate>> findBatch(DSLContext ctx, List<CandidateDetail> rows) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    for (CandidateDetail d : rows) {
      if (d.birthDate() != null) {
        names.add(nameNorm(d.lastName(), d.firstName()));
      }
      String m = FrenchText.emailKey(d.email());
      if (!m.isEmpty()) {
        emails.add(m);
      }
      String p = FrenchText.phoneKey(d.phone());
      if (!p.isEmpty()) {
        phones.add(p);
      }
    }
    Map<String, List<Record>> byName = new HashMap<>();
    if (!names.isEmpty()) {
      ctx.select(CANDIDATE.ID, CANDIDATE.NAME_NORM, CANDIDATE.BIRTH_DATE)
          .from(CANDIDATE)
          .where(InLists.in(CANDIDATE.NAME_NORM, names))
          .and(CANDIDATE.DELETED.isFalse())
          .forEach(r -> byName.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r));
    }
    Map<String, List<UUID>> byEmail = new HashMap<>();
    Map<String, List<UUID>> byPhone = new HashMap<>();
    if (!emails.isEmpty() || !phones.isEmpty()) {
      var found = search.candidatesWithContact(emails, phones);
      var contacts =
          ctx.select(CANDIDATE.ID, CANDIDATE.EMAIL, CANDIDATE.PHONE)
              .from(CANDIDATE)
              .where(CANDIDATE.DELETED.isFalse())
              .and(
                  found.isPresent()
                      ? VersionStore.idIn(CANDIDATE.ID, found.get())
                      : DSL.noCondition()); // the index is not current: every candidate is read
      if (!found.isPresent() || !found.get().isEmpty()) {
        contacts.forEach(
            r -> {
              String m = FrenchText.emailKey(r.value2());
              if (emails.contains(m)) {
                byEmail.computeIfAbsent(m, k -> new ArrayList<>()).add(r.value1());
              }
              String p = FrenchText.phoneKey(r.value3());
              if (phones.contains(p)) {
                byPhone.computeIfAbsent(p, k -> new ArrayList<>()).add(r.value1());
              }
            });
      }
    }
    List<Map<UUID, Duplicate.Reason>> found = new ArrayList<>();
    Set<UUID> all = new LinkedHashSet<>();
    for (CandidateDetail d : rows) {
      Map<UUID, Duplicate.Reason> hits = new LinkedHashMap<>();
      if (d.birthDate() != null) {
        for (Record r : byName.getOrDefault(nameNorm(d.lastName(), d.firstName()), List.of())) {
          if (d.birthDate().equals(r.get(CANDIDATE.BIRTH_DATE))) {
            hits.putIfAbsent(r.get(CANDIDATE.ID), Duplicate.Reason.NAME_AND_BIRTH_DATE);
          }
        }
      }
      String m = FrenchText.emailKey(d.email());
      if (!m.isEmpty()) {
        byEmail
            .getOrDefault(m, List.of())
            .forEach(id -> hits.putIfAbsent(id, Duplicate.Reason.EMAIL));
      }
      String p = FrenchText.phoneKey(d.phone());
      if (!p.isEmpty()) {
        byPhone
            .getOrDefault(p, List.of())
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
      new CandidateQueries(ref).summariesOf(ctx, all).forEach(s -> summaries.put(s.id(), s));
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
