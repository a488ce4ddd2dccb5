package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.OCCUPATION_TITLE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.jooq.DSLContext;

/**
 * Reads records from the database and turns them into index documents, a batch of ids at a time:
 * the same code serves the full build and the catch-up. An id whose record is gone, deleted (a
 * tombstone) or erased yields no document: the caller deletes it from the index.
 */
final class SearchDocuments {
  /** A candidate with no availability date is available now: indexed as the earliest day. */
  static final int NO_DATE = Integer.MIN_VALUE;

  /** Communes and occupations, read once (reference data, not replicated). */
  record Reference(
      Map<String, String> communes,
      Map<String, String> occupationLabels,
      Map<String, String> domainLabels,
      Map<String, List<String>> occupationTitles,
      Map<String, String> occupationWords) {

    static Reference load(DSLContext ctx) {
      Map<String, String> communes = new HashMap<>();
      ctx.select(COMMUNE.INSEE_CODE, COMMUNE.NAME)
          .from(COMMUNE)
          .forEach(r -> communes.put(r.value1(), r.value2()));
      Map<String, String> labels = new HashMap<>();
      Map<String, String> domains = new HashMap<>();
      ctx.select(OCCUPATION.ROME_CODE, OCCUPATION.LABEL, OCCUPATION.DOMAIN_LABEL)
          .from(OCCUPATION)
          .forEach(
              r -> {
                labels.put(r.value1(), r.value2());
                domains.put(r.value1(), r.value3());
              });
      Map<String, List<String>> titles = new HashMap<>();
      ctx.select(OCCUPATION_TITLE.ROME_CODE, OCCUPATION_TITLE.LABEL)
          .from(OCCUPATION_TITLE)
          .orderBy(OCCUPATION_TITLE.ROME_CODE, OCCUPATION_TITLE.LABEL)
          .forEach(r -> titles.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
      // the distinct words of an occupation's label and job titles, as a candidate's target
      Map<String, String> words = new HashMap<>();
      labels.forEach(
          (code, label) -> {
            Set<String> w = new LinkedHashSet<>(FrenchText.words(label));
            titles.getOrDefault(code, List.of()).forEach(t -> w.addAll(FrenchText.words(t)));
            w.removeAll(FrenchText.STOP_WORDS);
            words.put(code, String.join(" ", w));
          });
      return new Reference(communes, labels, domains, titles, words);
    }

    String commune(String code) {
      return code == null ? null : communes.get(code);
    }
  }

  private final Reference ref;

  SearchDocuments(Reference ref) {
    this.ref = ref;
  }

  /** A kind's documents for these ids; ids without a live record have none. */
  Map<String, Document> load(DSLContext ctx, Kind kind, Collection<String> ids) {
    return switch (kind) {
      case CANDIDATE -> CandidateDocuments.load(ref, ctx, uuids(ids));
      case OFFER -> OfferDocuments.load(ref, ctx, uuids(ids));
      case MEETING -> MeetingDocuments.load(ref, ctx, uuids(ids));
      case EMPLOYER -> EmployerDocuments.load(ref, ctx, uuids(ids));
      case OCCUPATION -> OccupationDocuments.load(ref, ids);
    };
  }

  private static List<UUID> uuids(Collection<String> ids) {
    return ids.stream().map(UUID::fromString).toList();
  }
}
