package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.search.DocumentParts.base;
import static fr.passerelle.search.DocumentParts.date;
import static fr.passerelle.search.DocumentParts.display;
import static fr.passerelle.search.DocumentParts.join;
import static fr.passerelle.search.DocumentParts.keyword;
import static fr.passerelle.search.DocumentParts.sort;
import static fr.passerelle.search.DocumentParts.words;

import fr.passerelle.db.VersionStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.jooq.DSLContext;

/** An offer's document: title, employer, occupation, commune, opening date (ADR 0100). */
final class OfferDocuments {
  private OfferDocuments() {}

  static Map<String, Document> load(SearchDocuments.Reference ref, DSLContext ctx, List<UUID> ids) {
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
                  join(
                      employer,
                      communeName,
                      opened == null ? null : DocumentParts.DAY.format(opened)));
              out.put(r.value1().toString(), d);
            });
    return out;
  }
}
