package fr.passerelle.offers;

import java.util.List;

/** One page of the open-offers list, hard to fill first, and the counts behind it. */
public record OfferPage(List<OfferRow> rows, int matching, int hardToFill) {}
