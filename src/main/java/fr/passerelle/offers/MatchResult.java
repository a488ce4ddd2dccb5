package fr.passerelle.offers;

import java.util.List;

/**
 * The ranked candidates for an offer, and the size of the pool they come from (active candidates
 * with a related occupation within their reach), how many of them have the offer's own occupation
 * (the count of the offer's "few candidates" reason), its share of priority publics and of RQTH.
 */
public record MatchResult(
    Offer offer,
    List<CandidateMatch> matches,
    int pool,
    int poolSameOccupation,
    int poolPriority,
    int poolRqth) {}
