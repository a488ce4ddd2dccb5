package fr.passerelle.ui.search;

import fr.passerelle.occupations.OccupationHit;
import fr.passerelle.occupations.OccupationService;
import java.util.List;

/** ROME occupations by label, job title or code; a hit opens "Offres & métiers". */
public final class OccupationSearchProvider implements SearchProvider {
  private final OccupationService occupations;

  public OccupationSearchProvider(OccupationService occupations) {
    this.occupations = occupations;
  }

  @Override
  public String groupKey() {
    return "search.group.occupations";
  }

  @Override
  public List<SearchResult> search(String query, int limit) {
    return occupations.search(query, limit).stream().map(OccupationSearchProvider::toHit).toList();
  }

  private static SearchResult toHit(OccupationHit h) {
    String detail = h.matchedTitle() != null ? h.matchedTitle() : h.domainLabel();
    return new SearchResult(h.romeCode() + " · " + h.label(), detail, "offers", h.romeCode());
  }
}
