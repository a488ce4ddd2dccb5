package fr.passerelle.office;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of office an installation belongs to. */
public enum OfficeKind {
  FRANCE_TRAVAIL,
  TEMP_AGENCY,
  PARTNER;

  /** Parses a kind, or says which ones exist. */
  public static OfficeKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new fr.passerelle.core.InvalidInputException(
          "Unknown office kind \""
              + text
              + "\": expected one of "
              + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
              + ".");
    }
  }
}
