package fr.passerelle.candidates;

import fr.passerelle.db.RowVersion;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything the detail form shows and saves, in one piece (saved in one transaction). {@code
 * version} is the candidate row's version when it was read (null for a new file, or for a detail
 * not read from the database): a save carrying it is refused if a colleague saved the file since
 * (ADR 0177).
 */
public record CandidateDetail(
    UUID id,
    UUID officeId,
    String lastName,
    String firstName,
    LocalDate birthDate,
    String email,
    String phone,
    String address,
    String communeCode,
    String communeName,
    Integer mobilityKm,
    Boolean drivingLicence,
    LocalDate availableFrom,
    CandidateStatus status,
    LocalDate registeredOn,
    String notes,
    List<TargetOccupation> occupations,
    List<Criterion> criteria,
    Consent consent,
    Civility civility,
    String franceTravailId,
    RowVersion version) {

  public CandidateDetail {
    occupations = occupations == null ? List.of() : List.copyOf(occupations);
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    consent = consent == null ? Consent.NONE : consent;
  }

  /**
   * A detail without a loaded version (new, imported, or saved unconditionally), civility and
   * France Travail identifier not said.
   */
  public CandidateDetail(
      UUID id,
      UUID officeId,
      String lastName,
      String firstName,
      LocalDate birthDate,
      String email,
      String phone,
      String address,
      String communeCode,
      String communeName,
      Integer mobilityKm,
      Boolean drivingLicence,
      LocalDate availableFrom,
      CandidateStatus status,
      LocalDate registeredOn,
      String notes,
      List<TargetOccupation> occupations,
      List<Criterion> criteria,
      Consent consent) {
    this(
        id,
        officeId,
        lastName,
        firstName,
        birthDate,
        email,
        phone,
        address,
        communeCode,
        communeName,
        mobilityKm,
        drivingLicence,
        availableFrom,
        status,
        registeredOn,
        notes,
        occupations,
        criteria,
        consent,
        null,
        null,
        null);
  }

  /** A blank form for a new candidate. */
  public static CandidateDetail blank() {
    return new CandidateDetail(
        null,
        null,
        "",
        "",
        null,
        "",
        "",
        "",
        null,
        null,
        0,
        false,
        null,
        CandidateStatus.ACTIVE,
        null,
        "",
        List.of(),
        List.of(),
        Consent.NONE);
  }

  /** The same detail with this civility and France Travail identifier. */
  public CandidateDetail withIdentity(Civility newCivility, String newFranceTravailId) {
    return copy(id, officeId, notes, newCivility, newFranceTravailId, consent, version);
  }

  /** The same detail with these notes. */
  public CandidateDetail withNotes(String newNotes) {
    return copy(id, officeId, newNotes, civility, franceTravailId, consent, version);
  }

  public CandidateDetail withConsent(Consent newConsent) {
    return copy(id, officeId, notes, civility, franceTravailId, newConsent, version);
  }

  /** The age band on {@code day} (from the birth date); null without a birth date. */
  public AgeBand ageBand(LocalDate day) {
    return AgeBand.of(birthDate, day);
  }

  public boolean isNew() {
    return id == null;
  }

  public boolean hasSensitiveData() {
    return criteria.stream().anyMatch(c -> c.kind().sensitive());
  }

  /** A target occupation with the years of experience in it. */
  public record TargetOccupation(String romeCode, String label, Integer experienceYears) {}

  /** A priority criterion, since when, and whether the counselor saw the proof (and when). */
  public record Criterion(
      PriorityCriterion kind, LocalDate since, boolean proofSeen, LocalDate proofSeenOn) {}

  /**
   * Consent to share with partner organisations and the separate consent for sensitive data, each
   * dated; {@code recordedBy} is the counselor who recorded the last change.
   */
  public record Consent(
      boolean share,
      OffsetDateTime shareAt,
      boolean sensitive,
      OffsetDateTime sensitiveAt,
      UUID recordedBy) {
    public static final Consent NONE = new Consent(false, null, false, null, null);

    /**
     * The sensitive-data consent as it is recorded: agreed "also", so never without the sharing
     * itself (a withdrawn sharing withdraws it; issue #19).
     */
    public boolean sensitiveAgreed() {
      return share && sensitive;
    }
  }

  public CandidateDetail withId(UUID newId) {
    return with(newId, officeId, version);
  }

  /** The same candidate, owned by {@code officeId}. */
  public CandidateDetail withOffice(UUID officeId) {
    return with(id, officeId, version);
  }

  private CandidateDetail with(UUID newId, UUID newOfficeId, RowVersion v) {
    return copy(newId, newOfficeId, notes, civility, franceTravailId, consent, v);
  }

  private CandidateDetail copy(
      UUID newId,
      UUID newOfficeId,
      String newNotes,
      Civility newCivility,
      String newFtId,
      Consent newConsent,
      RowVersion v) {
    return new CandidateDetail(
        newId,
        newOfficeId,
        lastName,
        firstName,
        birthDate,
        email,
        phone,
        address,
        communeCode,
        communeName,
        mobilityKm,
        drivingLicence,
        availableFrom,
        status,
        registeredOn,
        newNotes,
        occupations,
        criteria,
        newConsent,
        newCivility,
        newFtId,
        v);
  }

  /** The same detail, as read at {@code v} (a form saving it is checked against {@code v}). */
  public CandidateDetail withVersion(RowVersion v) {
    return with(id, officeId, v);
  }
}
