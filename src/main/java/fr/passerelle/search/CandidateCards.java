package fr.passerelle.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;

/**
 * A candidate's card in its document: stored fields only, read back for a page of hits (ADR 0180).
 */
final class CandidateCards {
  static final String LAST = "c_last";
  static final String FIRST = "c_first";
  static final String BORN = "c_born";
  static final String COMMUNE = "c_commune";
  static final String STATUS = "c_status";
  static final String AVAILABLE = "c_avail";
  static final String ROMES = "c_rome";
  static final String SHARE = "c_share";

  /** The stored fields a card is read from (the others are not decoded). */
  static final Set<String> FIELDS =
      Set.of(Fields.ID, LAST, FIRST, BORN, COMMUNE, STATUS, AVAILABLE, ROMES, SHARE);

  private CandidateCards() {}

  static void store(Document d, CandidateCard c) {
    text(d, LAST, c.lastName());
    text(d, FIRST, c.firstName());
    day(d, BORN, c.birthDate());
    text(d, COMMUNE, c.communeCode());
    text(d, STATUS, c.status());
    day(d, AVAILABLE, c.availableFrom());
    c.romeCodes().forEach(code -> text(d, ROMES, code));
    d.add(new StoredField(SHARE, c.consentShare() ? 1 : 0));
  }

  static CandidateCard read(StoredFields stored, int doc) throws java.io.IOException {
    Document d = stored.document(doc, FIELDS);
    return new CandidateCard(
        UUID.fromString(d.get(Fields.ID)),
        d.get(LAST),
        d.get(FIRST),
        day(d, BORN),
        d.get(COMMUNE),
        d.get(STATUS),
        day(d, AVAILABLE),
        List.of(d.getValues(ROMES)),
        number(d, SHARE) == 1);
  }

  private static void text(Document d, String field, String value) {
    if (value != null) {
      d.add(new StoredField(field, value));
    }
  }

  private static void day(Document d, String field, LocalDate value) {
    if (value != null) {
      d.add(new StoredField(field, value.toEpochDay()));
    }
  }

  private static LocalDate day(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? null : LocalDate.ofEpochDay(f.numericValue().longValue());
  }

  private static long number(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? 0 : f.numericValue().longValue();
  }
}
