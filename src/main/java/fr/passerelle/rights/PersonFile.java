package fr.passerelle.rights;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything this installation holds about one person, as sections of records of labelled fields:
 * one shape for the readable PDF (labels) and the JSON (keys). Values are text, numbers, booleans
 * or dates, null when not recorded.
 *
 * @param sensitiveIncluded whether health criteria (RQTH, AAH) are in it: only for an account
 *     allowed to show them
 */
public record PersonFile(
    UUID personId,
    String displayName,
    String office,
    String organisation,
    OffsetDateTime madeAt,
    String madeBy,
    boolean sensitiveIncluded,
    List<Section> sections) {

  /** A part of the file ("Critères", "Réunions") and its records, maybe none. */
  public record Section(String key, String title, List<Item> items, String note) {}

  /** One record: its heading (a meeting's title) and fields in reading order. */
  public record Item(String heading, List<Field> fields) {
    /** The fields as a JSON object's members, keyed. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      fields.forEach(f -> m.put(f.key(), f.value()));
      return m;
    }
  }

  /** A field: its JSON key, its French label, its value. */
  public record Field(String key, String label, Object value) {}

  /** Builds an item field by field. */
  static final class ItemBuilder {
    private final String heading;
    private final List<Field> fields = new ArrayList<>();

    ItemBuilder(String heading) {
      this.heading = heading;
    }

    ItemBuilder put(String key, String label, Object value) {
      fields.add(new Field(key, label, value));
      return this;
    }

    Item build() {
      return new Item(heading, List.copyOf(fields));
    }
  }

  public Section section(String key) {
    return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  /** The whole file as plain maps and lists, for a JSON writer. */
  public Map<String, Object> asJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("personId", personId.toString());
    m.put("name", displayName);
    m.put("office", office);
    m.put("organisation", organisation);
    m.put("madeAt", madeAt.toString());
    m.put("madeBy", madeBy);
    m.put("sensitiveIncluded", sensitiveIncluded);
    for (Section s : sections) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Item i : s.items()) {
        Map<String, Object> one = new LinkedHashMap<>();
        i.asMap().forEach((k, v) -> one.put(k, v == null ? null : json(v)));
        items.add(one);
      }
      m.put(s.key(), items);
      if (s.note() != null) {
        m.put(s.key() + "Note", s.note());
      }
    }
    return m;
  }

  private static Object json(Object v) {
    if (v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(x -> x instanceof Item i ? i.asMap() : json(x)).toList();
    }
    return v.toString();
  }
}
