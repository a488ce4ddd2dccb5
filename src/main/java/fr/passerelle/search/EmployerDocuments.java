package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.search.DocumentParts.base;
import static fr.passerelle.search.DocumentParts.display;
import static fr.passerelle.search.DocumentParts.join;
import static fr.passerelle.search.DocumentParts.keyword;
import static fr.passerelle.search.DocumentParts.sort;
import static fr.passerelle.search.DocumentParts.words;

import fr.passerelle.db.VersionStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.jooq.DSLContext;

/** An employer's document: name, SIRET, commune (ADR 0100). */
final class EmployerDocuments {
  private EmployerDocuments() {}

  static Map<String, Document> load(SearchDocuments.Reference ref, DSLContext ctx, List<UUID> ids) {
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
}
