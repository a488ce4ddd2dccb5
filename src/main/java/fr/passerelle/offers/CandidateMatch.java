package fr.passerelle.offers;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A candidate ranked for an offer: score, reasons, and what a counselor needs to act (name, place,
 * priority criteria, consent to share with partners).
 */
public record CandidateMatch(
    UUID candidateId,
    String firstName,
    String lastName,
    String communeName,
    String romeCode,
    double km,
    int score,
    List<MatchReason> reasons,
    Set<String> criteria,
    boolean consentShare) {

  public String displayName() {
    return (lastName == null ? "" : lastName.toUpperCase(java.util.Locale.ROOT))
        + " "
        + (firstName == null ? "" : firstName);
  }
}
