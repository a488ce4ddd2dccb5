package fr.passerelle.training;

import java.time.LocalDate;
import java.util.List;

/**
 * A funding scheme's conditions from {@code valid_from} on, with the official text they come from.
 * Null bounds mean "no bound".
 */
public record FundingRule(
    FundingScheme scheme,
    LocalDate validFrom,
    String label,
    Integer maxHours,
    Integer minHours,
    String eligiblePublics,
    List<String> requiredAttachments,
    boolean requiresOffer,
    String sourceTitle,
    String sourceUrl) {}
