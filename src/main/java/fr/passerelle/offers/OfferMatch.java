package fr.passerelle.offers;

import java.util.List;

/** An open offer ranked for a candidate, with the same score and reasons as matching. */
public record OfferMatch(Offer offer, double km, int score, List<MatchReason> reasons) {}
