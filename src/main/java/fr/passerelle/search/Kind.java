package fr.passerelle.search;

import java.util.Arrays;
import java.util.Optional;

/** What the index holds, one kind of document per searchable thing. */
public enum Kind {
  CANDIDATE("c"),
  OFFER("o"),
  MEETING("m"),
  EMPLOYER("e"),
  OCCUPATION("r");

  final String code;

  Kind(String code) {
    this.code = code;
  }

  /** The document key of one record of this kind. */
  String key(String id) {
    return code + ":" + id;
  }

  static Optional<Kind> ofCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
