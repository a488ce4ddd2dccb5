package fr.passerelle.search;

import static fr.passerelle.search.DocumentParts.base;
import static fr.passerelle.search.DocumentParts.display;
import static fr.passerelle.search.DocumentParts.keyword;
import static fr.passerelle.search.DocumentParts.sort;
import static fr.passerelle.search.DocumentParts.words;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;

/** An occupation's document (reference data): label, job titles, ROME code (ADR 0100). */
final class OccupationDocuments {
  private OccupationDocuments() {}

  static Map<String, Document> load(SearchDocuments.Reference ref, Collection<String> codes) {
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
}
