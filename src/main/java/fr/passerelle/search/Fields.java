package fr.passerelle.search;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** The fields of the index's documents (ADR 0100). */
final class Fields {
  /** "c:&lt;uuid&gt;", "r:N1103": the one term that names a document. */
  static final String KEY = "key";

  static final String KIND = "kind";
  static final String ID = "id";

  // searched words (folded, see FrenchText)
  static final String LAST = "last";
  static final String FIRST = "first";
  static final String LAST_PHONETIC = "last_ph";
  static final String TEXT = "text";
  static final String PLACE = "place";
  static final String ORG = "org";
  static final String JOBS = "jobs";
  static final String EMAIL = "email";
  static final String PHONE = "phone";
  static final String CODE = "code";

  // filters
  static final String ROME = "rome";
  static final String DOMAIN = "domain";
  static final String COMMUNE = "commune";
  static final String STATUS = "status";
  static final String CRITERION = "crit";
  static final String SHARE = "share";
  static final String AVAILABLE = "avail";

  /**
   * Ids of the rows a document was made of besides its own (a candidate's target occupations and
   * criteria, an offer's employer): a tombstone keeps only its id, so this is how a deleted row
   * finds the document to rewrite.
   */
  static final String ROW = "row";

  // order and display
  static final String SORT = "sort";
  static final String DATE = "date";
  static final String TITLE = "title";
  static final String DETAIL = "detail";
  static final String TITLES = "titles";

  /** By {@link #SORT}: names, titles, codes (folded). */
  static final SortField BY_NAME = new SortField(SORT, SortField.Type.STRING);

  /** By {@link #ID}, the tie-breaker that makes every order total. */
  static final SortField BY_ID = new SortField(ID, SortField.Type.STRING);

  /**
   * The order of the documents in the index's segments (ADR 0160): a search in this order stops as
   * soon as its page is full.
   */
  static final Sort INDEX_ORDER = new Sort(BY_NAME, BY_ID);

  /** Words: indexed (documents only, no positions or norms), not stored. */
  static final FieldType WORDS = new FieldType();

  static {
    WORDS.setIndexOptions(IndexOptions.DOCS);
    WORDS.setTokenized(true);
    WORDS.setOmitNorms(true);
    WORDS.setStored(false);
    WORDS.freeze();
  }

  private Fields() {}
}
