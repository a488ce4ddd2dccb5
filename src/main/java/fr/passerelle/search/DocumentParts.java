package fr.passerelle.search;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** The fields every kind of document is made of: key and id, words, order, date, display. */
final class DocumentParts {
  static final DateTimeFormatter DAY = fr.passerelle.core.DateFormats.DAY;
  static final DateTimeFormatter DAY_TIME = fr.passerelle.core.DateFormats.DAY_TIME;

  private DocumentParts() {}

  static Document base(Kind kind, String id) {
    Document d = new Document();
    d.add(new StringField(Fields.KEY, kind.key(id), Field.Store.NO));
    d.add(new StringField(Fields.KIND, kind.code, Field.Store.YES));
    d.add(new StoredField(Fields.ID, id));
    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
    return d;
  }

  static void words(Document d, String field, Collection<String> words) {
    if (!words.isEmpty()) {
      d.add(new Field(field, String.join(" ", words), Fields.WORDS));
    }
  }

  static void keyword(Document d, String field, String value) {
    if (value != null && !value.isEmpty()) {
      d.add(new StringField(field, value, Field.Store.NO));
    }
  }

  static void sort(Document d, String key) {
    d.add(new SortedDocValuesField(Fields.SORT, new BytesRef(key == null ? "" : key)));
  }

  static void date(Document d, long seconds) {
    d.add(new NumericDocValuesField(Fields.DATE, seconds));
  }

  static void display(Document d, String title, String detail) {
    d.add(new StoredField(Fields.TITLE, title));
    if (detail != null && !detail.isEmpty()) {
      d.add(new StoredField(Fields.DETAIL, detail));
    }
  }

  static String join(String... parts) {
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
