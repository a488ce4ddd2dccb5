package fr.passerelle.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One generated job seeker with everything hanging off it (before it becomes rows). */
record DemoCandidate(
    int index,
    UUID id,
    int office,
    String firstName,
    String lastName,
    LocalDate birthDate,
    int age,
    DemoReference.Commune commune,
    String address,
    String email,
    String phone,
    int mobilityKm,
    boolean drivingLicence,
    LocalDate availableFrom,
    String status,
    LocalDate registeredOn,
    List<Criterion> criteria,
    List<TargetOccupation> occupations,
    Consent consent) {

  /** A priority-public criterion. */
  record Criterion(String code, LocalDate since, boolean proofSeen, LocalDate proofSeenOn) {}

  /** A target occupation with years of experience. */
  record TargetOccupation(String romeCode, int experienceYears) {}

  /** The consent row: share and sensitive-data answers with their dates. */
  record Consent(boolean share, LocalDate shareOn, boolean sensitive, UUID recordedBy) {}

  boolean has(String criterion) {
    return criteria.stream().anyMatch(c -> c.code().equals(criterion));
  }

  String firstRomeCode() {
    return occupations.get(0).romeCode();
  }
}
