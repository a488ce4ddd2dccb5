package fr.passerelle.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What the counselor enters for a new path or an edit (the status moves separately). */
public record PathDraft(
    UUID candidateId,
    UUID counselorId,
    String fromRomeCode,
    String targetRomeCode,
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
    UUID meetingId) {}
