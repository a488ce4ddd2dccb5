package fr.passerelle.candidates;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the counselor is looking for. Every part is optional (null or empty = no filter).
 *
 * @param text words typed in the search box: each must start a word of the name, or name the
 *     commune or a target occupation (label or job title); accents and case ignored
 * @param romeCode a target occupation
 * @param domainCode a ROME domain (e.g. "N11"), any of its occupations
 * @param communeCode INSEE code of the centre of the search area
 * @param radiusKm radius around {@code communeCode} (0 or null = the commune only)
 * @param availableBy available on or before this date (no date = available now)
 * @param criteria has at least one of these priority criteria
 * @param status in this status
 * @param consentShare true = consented to sharing with partners; false = has not
 * @param ageBand in this age group today, from the birth date (ADR 0185)
 */
public record CandidateQuery(
    String text,
    String romeCode,
    String domainCode,
    String communeCode,
    Integer radiusKm,
    LocalDate availableBy,
    Set<PriorityCriterion> criteria,
    CandidateStatus status,
    Boolean consentShare,
    AgeBand ageBand) {

  public CandidateQuery {
    criteria = criteria == null ? Set.of() : Set.copyOf(criteria);
  }

  public static CandidateQuery all() {
    return text(null);
  }

  public static CandidateQuery text(String text) {
    return new CandidateQuery(text, null, null, null, null, null, Set.of(), null, null, null);
  }

  /** A query without an age band (the search index answers it, ADR 0185). */
  public CandidateQuery(
      String text,
      String romeCode,
      String domainCode,
      String communeCode,
      Integer radiusKm,
      LocalDate availableBy,
      Set<PriorityCriterion> criteria,
      CandidateStatus status,
      Boolean consentShare) {
    this(
        text,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        availableBy,
        criteria,
        status,
        consentShare,
        null);
  }

  public CandidateQuery withAgeBand(AgeBand band) {
    return new CandidateQuery(
        text,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        availableBy,
        criteria,
        status,
        consentShare,
        band);
  }

  public CandidateQuery withText(String t) {
    return new CandidateQuery(
        t,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        availableBy,
        criteria,
        status,
        consentShare,
        ageBand);
  }

  public CandidateQuery withOccupation(String rome, String domain) {
    return new CandidateQuery(
        text,
        rome,
        domain,
        communeCode,
        radiusKm,
        availableBy,
        criteria,
        status,
        consentShare,
        ageBand);
  }

  public CandidateQuery withArea(String commune, Integer km) {
    return new CandidateQuery(
        text,
        romeCode,
        domainCode,
        commune,
        km,
        availableBy,
        criteria,
        status,
        consentShare,
        ageBand);
  }

  public CandidateQuery withAvailableBy(LocalDate date) {
    return new CandidateQuery(
        text,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        date,
        criteria,
        status,
        consentShare,
        ageBand);
  }

  public CandidateQuery withCriteria(Set<PriorityCriterion> c) {
    return new CandidateQuery(
        text,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        availableBy,
        c,
        status,
        consentShare,
        ageBand);
  }

  public CandidateQuery withStatus(CandidateStatus s) {
    return new CandidateQuery(
        text,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        availableBy,
        criteria,
        s,
        consentShare,
        ageBand);
  }

  public CandidateQuery withConsentShare(Boolean c) {
    return new CandidateQuery(
        text,
        romeCode,
        domainCode,
        communeCode,
        radiusKm,
        availableBy,
        criteria,
        status,
        c,
        ageBand);
  }
}
