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
    return builder().build();
  }

  public static CandidateQuery text(String text) {
    return builder().text(text).build();
  }

  /** A query built part by part; what is not set is not filtered on. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's parts, to change some of them. */
  public Builder toBuilder() {
    return builder()
        .text(text)
        .occupation(romeCode, domainCode)
        .area(communeCode, radiusKm)
        .availableBy(availableBy)
        .criteria(criteria)
        .status(status)
        .consentShare(consentShare)
        .ageBand(ageBand);
  }

  public CandidateQuery withAgeBand(AgeBand band) {
    return toBuilder().ageBand(band).build();
  }

  public CandidateQuery withText(String t) {
    return toBuilder().text(t).build();
  }

  public CandidateQuery withOccupation(String rome, String domain) {
    return toBuilder().occupation(rome, domain).build();
  }

  public CandidateQuery withArea(String commune, Integer km) {
    return toBuilder().area(commune, km).build();
  }

  public CandidateQuery withAvailableBy(LocalDate date) {
    return toBuilder().availableBy(date).build();
  }

  public CandidateQuery withCriteria(Set<PriorityCriterion> c) {
    return toBuilder().criteria(c).build();
  }

  public CandidateQuery withStatus(CandidateStatus s) {
    return toBuilder().status(s).build();
  }

  public CandidateQuery withConsentShare(Boolean c) {
    return toBuilder().consentShare(c).build();
  }

  /** The parts of a {@link CandidateQuery}, set one by one (the record's parameters say each). */
  public static final class Builder {
    private String text;
    private String romeCode;
    private String domainCode;
    private String communeCode;
    private Integer radiusKm;
    private LocalDate availableBy;
    private Set<PriorityCriterion> criteria = Set.of();
    private CandidateStatus status;
    private Boolean consentShare;
    private AgeBand ageBand;

    private Builder() {}

    public Builder text(String t) {
      this.text = t;
      return this;
    }

    public Builder occupation(String rome, String domain) {
      this.romeCode = rome;
      this.domainCode = domain;
      return this;
    }

    public Builder area(String commune, Integer km) {
      this.communeCode = commune;
      this.radiusKm = km;
      return this;
    }

    public Builder availableBy(LocalDate date) {
      this.availableBy = date;
      return this;
    }

    public Builder criteria(Set<PriorityCriterion> c) {
      this.criteria = c;
      return this;
    }

    public Builder status(CandidateStatus s) {
      this.status = s;
      return this;
    }

    public Builder consentShare(Boolean c) {
      this.consentShare = c;
      return this;
    }

    public Builder ageBand(AgeBand band) {
      this.ageBand = band;
      return this;
    }

    public CandidateQuery build() {
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
          ageBand);
    }
  }
}
