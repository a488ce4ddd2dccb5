package fr.passerelle.offers;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a counselor types to create or edit an offer. {@code id} is null for a new offer; {@code
 * employerName} names an existing employer or a new one (created with the offer, same action).
 */
public record OfferDraft(
    UUID id,
    String employerName,
    String title,
    String romeCode,
    String communeCode,
    Contract contract,
    Integer positions,
    LocalDate openedOn,
    LocalDate closedOn,
    OfferSource source,
    String description) {}
