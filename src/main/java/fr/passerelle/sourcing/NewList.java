package fr.passerelle.sourcing;

import java.util.UUID;

/**
 * A list to create: from an offer (its occupation is taken from the offer) or from an occupation;
 * an owner (counselor) and optionally a partner office it is shared with.
 */
public record NewList(
    String name, UUID offerId, String romeCode, UUID ownerId, UUID sharedOfficeId) {}
