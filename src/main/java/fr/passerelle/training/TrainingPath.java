package fr.passerelle.training;

import fr.passerelle.db.RowVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A training path as stored, with the names the views show. {@code version} is the row's version as
 * read: a change carrying it is refused when a colleague saved the path since (ADR 0177, 0181).
 */
public record TrainingPath(
    UUID id,
    UUID candidateId,
    String candidateName,
    UUID counselorId,
    UUID officeId,
    String fromRomeCode,
    String targetRomeCode,
    String targetLabel,
    String title,
    String provider,
    String place,
    Integer hours,
    LocalDate startsOn,
    LocalDate endsOn,
    FundingScheme scheme,
    BigDecimal amount,
    UUID offerId,
    UUID employerId,
    UUID meetingId,
    TrainingStatus status,
    Outcome outcome,
    LocalDate outcomeOn,
    RowVersion version) {

  /** The date the six-month outcome is due, or null without an end date. */
  public LocalDate outcomeDueOn() {
    return endsOn == null ? null : endsOn.plusMonths(6);
  }

  /** True when the outcome is due on {@code today} and not yet recorded. */
  public boolean isOutcomeDue(LocalDate today) {
    LocalDate due = outcomeDueOn();
    return outcome == null
        && due != null
        && !due.isAfter(today)
        && (status == TrainingStatus.COMPLETED || status == TrainingStatus.EMPLOYED);
  }
}
