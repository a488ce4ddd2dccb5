package fr.passerelle.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * A candidate search as the index answers it, every part optional (null or empty = no filter):
 * {@code text} (names, commune, target occupations, e-mail, phone, typos tolerated), target
 * occupations (any of {@code romeCodes}), communes (any of {@code communeCodes}), available on or
 * before {@code availableBy} (or without a date), {@code status}, any of {@code criteria}, consent
 * to share. The candidates feature turns its own query (domain, radius) into these sets.
 */
public record CandidateFilter(
    String text,
    Set<String> romeCodes,
    Set<String> communeCodes,
    LocalDate availableBy,
    String status,
    Set<String> criteria,
    Boolean consentShare) {

  public CandidateFilter {
    romeCodes = romeCodes == null ? null : Set.copyOf(romeCodes);
    communeCodes = communeCodes == null ? null : Set.copyOf(communeCodes);
    criteria = criteria == null ? Set.of() : Set.copyOf(criteria);
  }

  public static CandidateFilter text(String text) {
    return new CandidateFilter(text, null, null, null, null, Set.of(), null);
  }

  boolean hasText() {
    return text != null && !text.isBlank();
  }
}
