package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.search.DocumentParts.base;
import static fr.passerelle.search.DocumentParts.date;
import static fr.passerelle.search.DocumentParts.display;
import static fr.passerelle.search.DocumentParts.join;
import static fr.passerelle.search.DocumentParts.keyword;
import static fr.passerelle.search.DocumentParts.sort;
import static fr.passerelle.search.DocumentParts.words;

import fr.passerelle.db.VersionStore;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.jooq.DSLContext;

/** A meeting's document: title and kind, place, occupation, date (ADR 0100). */
final class MeetingDocuments {
  private MeetingDocuments() {}

  static Map<String, Document> load(SearchDocuments.Reference ref, DSLContext ctx, List<UUID> ids) {
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
                  join(at == null ? null : DocumentParts.DAY_TIME.format(at), r.value5()));
              out.put(r.value1().toString(), d);
            });
    return out;
  }
}
