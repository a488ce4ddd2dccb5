package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.OCCUPATION_TITLE;

import fr.passerelle.db.VersionStore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
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
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.jooq.DSLContext;

/**
 * Reads records from the database and turns them into index documents, a batch of ids at a time:
 * the same code serves the full build and the catch-up. An id whose record is gone, deleted (a
 * tombstone) or erased yields no document: the caller deletes it from the index.
 */
final class SearchDocuments {
  /** A candidate with no availability date is available now: indexed as the earliest day. */
  static final int NO_DATE = Integer.MIN_VALUE;

  private static final DateTimeFormatter DAY = fr.passerelle.core.DateFormats.DAY;
  private static final DateTimeFormatter DAY_TIME = fr.passerelle.core.DateFormats.DAY_TIME;

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
      case CANDIDATE -> candidates(ctx, uuids(ids));
      case OFFER -> offers(ctx, uuids(ids));
      case MEETING -> meetings(ctx, uuids(ids));
      case EMPLOYER -> employers(ctx, uuids(ids));
      case OCCUPATION -> occupations(ids);
    };
  }

  private static List<UUID> uuids(Collection<String> ids) {
    return ids.stream().map(UUID::fromString).toList();
  }

  private Map<String, Document> candidates(DSLContext ctx, List<UUID> ids) {
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
              d.add(
                  new IntPoint(Fields.AVAILABLE, from == null ? NO_DATE : (int) from.toEpochDay()));
              sort(d, r.value4() == null ? FrenchText.fold(last + " " + first) : r.value4());
              String display =
                  ((last == null ? "" : last.toUpperCase(Locale.FRANCE))
                          + " "
                          + (first == null ? "" : first))
                      .trim();
              LocalDate born = r.value5();
              display(d, display, join(born == null ? null : DAY.format(born), communeName));
              out.put(id.toString(), d);
            });
    return out;
  }

  private Map<String, Document> offers(DSLContext ctx, List<UUID> ids) {
    Map<String, Document> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    ctx.select(
            JOB_OFFER.ID,
            JOB_OFFER.TITLE,
            JOB_OFFER.ROME_CODE,
            JOB_OFFER.COMMUNE_CODE,
            JOB_OFFER.OPENED_ON,
            JOB_OFFER.CLOSED_ON,
            JOB_OFFER.CONTRACT,
            EMPLOYER.NAME,
            JOB_OFFER.EMPLOYER_ID)
        .from(JOB_OFFER)
        .leftJoin(EMPLOYER)
        .on(EMPLOYER.ID.eq(JOB_OFFER.EMPLOYER_ID))
        .where(VersionStore.idIn(JOB_OFFER.ID, ids))
        .and(JOB_OFFER.DELETED.isFalse())
        .forEach(
            r -> {
              Document d = base(Kind.OFFER, r.value1().toString());
              String title = r.value2();
              String rome = r.value3();
              String employer = r.value8();
              String communeName = ref.commune(r.value4());
              words(d, Fields.TEXT, FrenchText.words(title));
              words(d, Fields.ORG, FrenchText.nameWords(employer));
              keyword(d, Fields.ROW, r.value9() == null ? null : r.value9().toString());
              words(d, Fields.PLACE, FrenchText.words(communeName));
              words(d, Fields.JOBS, FrenchText.words(ref.occupationLabels().get(rome)));
              keyword(d, Fields.ROME, rome);
              keyword(d, Fields.CODE, rome == null ? null : rome.toLowerCase(Locale.ROOT));
              keyword(d, Fields.COMMUNE, r.value4());
              boolean open = r.value6() == null;
              keyword(d, Fields.STATUS, open ? "open" : "closed");
              LocalDate opened = r.value5();
              date(d, opened == null ? 0 : opened.toEpochDay() * 86_400L);
              sort(d, FrenchText.fold(title));
              display(
                  d,
                  title == null ? "" : title,
                  join(employer, communeName, opened == null ? null : DAY.format(opened)));
              out.put(r.value1().toString(), d);
            });
    return out;
  }

  private Map<String, Document> meetings(DSLContext ctx, List<UUID> ids) {
    Map<String, Document> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    ctx.select(
            MEETING.ID,
            MEETING.TITLE,
            MEETING.KIND,
            MEETING.STARTS_AT,
            MEETING.PLACE,
            MEETING.ROOM,
            MEETING.ROME_CODE,
            MEETING.STATUS)
        .from(MEETING)
        .where(VersionStore.idIn(MEETING.ID, ids))
        .and(MEETING.DELETED.isFalse())
        .forEach(
            r -> {
              Document d = base(Kind.MEETING, r.value1().toString());
              String title = r.value2();
              List<String> text = FrenchText.words(title);
              text.addAll(
                  FrenchText.words(r.value3() == null ? null : r.value3().replace('_', ' ')));
              words(d, Fields.TEXT, text);
              words(d, Fields.PLACE, FrenchText.words(join(r.value5(), r.value6())));
              words(d, Fields.JOBS, FrenchText.words(ref.occupationLabels().get(r.value7())));
              keyword(d, Fields.ROME, r.value7());
              keyword(d, Fields.STATUS, r.value8());
              LocalDateTime at = r.value4();
              date(d, at == null ? 0 : at.toEpochSecond(java.time.ZoneOffset.UTC));
              sort(d, FrenchText.fold(title));
              display(
                  d,
                  title == null ? "" : title,
                  join(at == null ? null : DAY_TIME.format(at), r.value5()));
              out.put(r.value1().toString(), d);
            });
    return out;
  }

  private Map<String, Document> employers(DSLContext ctx, List<UUID> ids) {
    Map<String, Document> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    ctx.select(EMPLOYER.ID, EMPLOYER.NAME, EMPLOYER.SIRET, EMPLOYER.COMMUNE_CODE)
        .from(EMPLOYER)
        .where(VersionStore.idIn(EMPLOYER.ID, ids))
        .and(EMPLOYER.DELETED.isFalse())
        .forEach(
            r -> {
              Document d = base(Kind.EMPLOYER, r.value1().toString());
              words(d, Fields.TEXT, FrenchText.nameWords(r.value2()));
              String communeName = ref.commune(r.value4());
              words(d, Fields.PLACE, FrenchText.words(communeName));
              keyword(d, Fields.CODE, r.value3());
              keyword(d, Fields.COMMUNE, r.value4());
              sort(d, FrenchText.fold(r.value2()));
              display(d, r.value2() == null ? "" : r.value2(), join(r.value3(), communeName));
              out.put(r.value1().toString(), d);
            });
    return out;
  }

  private Map<String, Document> occupations(Collection<String> codes) {
    Map<String, Document> out = new HashMap<>();
    for (String code : codes) {
      String label = ref.occupationLabels().get(code);
      if (label == null) {
        continue;
      }
      Document d = base(Kind.OCCUPATION, code);
      words(d, Fields.TEXT, FrenchText.words(label));
      Set<String> titleWords = new LinkedHashSet<>();
      List<String> titles = ref.occupationTitles().getOrDefault(code, List.of());
      titles.forEach(t -> titleWords.addAll(FrenchText.words(t)));
      words(d, Fields.JOBS, titleWords);
      keyword(d, Fields.CODE, code.toLowerCase(Locale.ROOT));
      keyword(d, Fields.ROME, code);
      if (code.length() >= 3) {
        keyword(d, Fields.DOMAIN, code.substring(0, 3));
      }
      sort(d, code);
      display(d, label, ref.domainLabels().get(code));
      for (String t : titles) {
        d.add(new StoredField(Fields.TITLES, t));
      }
      out.put(code, d);
    }
    return out;
  }

  private static Document base(Kind kind, String id) {
    Document d = new Document();
    d.add(new StringField(Fields.KEY, kind.key(id), Field.Store.NO));
    d.add(new StringField(Fields.KIND, kind.code, Field.Store.YES));
    d.add(new StoredField(Fields.ID, id));
    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
    return d;
  }

  private static void words(Document d, String field, Collection<String> words) {
    if (!words.isEmpty()) {
      d.add(new Field(field, String.join(" ", words), Fields.WORDS));
    }
  }

  private static void keyword(Document d, String field, String value) {
    if (value != null && !value.isEmpty()) {
      d.add(new StringField(field, value, Field.Store.NO));
    }
  }

  private static void sort(Document d, String key) {
    d.add(new SortedDocValuesField(Fields.SORT, new BytesRef(key == null ? "" : key)));
  }

  private static void date(Document d, long seconds) {
    d.add(new NumericDocValuesField(Fields.DATE, seconds));
  }

  private static void display(Document d, String title, String detail) {
    d.add(new StoredField(Fields.TITLE, title));
    if (detail != null && !detail.isEmpty()) {
      d.add(new StoredField(Fields.DETAIL, detail));
    }
  }

  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (b.length() > 0) {
          b.append(" · ");
        }
        b.append(p.trim());
      }
    }
    return b.toString();
  }
}
