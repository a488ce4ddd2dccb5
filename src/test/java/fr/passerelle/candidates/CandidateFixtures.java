package fr.passerelle.candidates;

import java.time.LocalDate;
import java.util.List;

/** Candidates for tests, built the way the form builds them. */
public final class CandidateFixtures {
  private CandidateFixtures() {}

  public static CandidateDetail person(
      String last, String first, String commune, String... romeCodes) {
    return new CandidateDetail(
        null,
        null,
        last,
        first,
        LocalDate.of(1990, 3, 14),
        null,
        null,
        null,
        commune,
        null,
        10,
        true,
        null,
        CandidateStatus.ACTIVE,
        null,
        null,
        java.util.Arrays.stream(romeCodes)
            .map(r -> new CandidateDetail.TargetOccupation(r, null, 2))
            .toList(),
        List.of(),
        CandidateDetail.Consent.NONE);
  }

  public static CandidateDetail with(
      CandidateDetail d,
      String email,
      String phone,
      LocalDate birth,
      LocalDate available,
      CandidateStatus status,
      List<CandidateDetail.Criterion> criteria,
      boolean share) {
    return new CandidateDetail(
        d.id(),
        d.officeId(),
        d.lastName(),
        d.firstName(),
        birth,
        email,
        phone,
        d.address(),
        d.communeCode(),
        d.communeName(),
        d.mobilityKm(),
        d.drivingLicence(),
        available,
        status,
        d.registeredOn(),
        d.notes(),
        d.occupations(),
        criteria,
        new CandidateDetail.Consent(share, null, false, null, null));
  }

  /** {@code d} with another e-mail and phone, as read at {@code d}'s version (a form's edit). */
  public static CandidateDetail edited(CandidateDetail d, String email, String phone) {
    return with(
            d,
            email,
            phone,
            d.birthDate(),
            d.availableFrom(),
            d.status(),
            d.criteria(),
            d.consent().share())
        .withVersion(d.version());
  }
}
