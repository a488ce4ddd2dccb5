package fr.passerelle.search;

import java.util.List;
import java.util.UUID;

/**
 * A page of candidates, best first (then by name), with what their rows show, and how many match:
 * exact up to the cap given to the search, {@code capped} beyond.
 */
public record CandidateHits(List<CandidateCard> cards, int total, boolean capped) {

  public CandidateHits {
    cards = List.copyOf(cards);
  }

  /** The ids of the page, in its order. */
  public List<UUID> ids() {
    return cards.stream().map(CandidateCard::id).toList();
  }
}
