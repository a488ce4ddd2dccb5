package fr.passerelle.offers;

/** A line of the open-offers list: the offer and its hard-to-fill signal. */
public record OfferRow(Offer offer, HardToFill hardToFill, long daysOpen) {}
