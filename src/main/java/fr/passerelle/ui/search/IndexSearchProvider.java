package fr.passerelle.ui.search;

import fr.passerelle.search.Kind;
import fr.passerelle.search.SearchService;
import java.util.List;

/**
 * Candidates, offers or meetings from the search index (the database while it is built); a hit
 * opens the record in its view.
 */
public final class IndexSearchProvider implements SearchProvider {
  private final SearchService search;
  private final Kind kind;
  private final String groupKey;
  private final String featureId;

  public IndexSearchProvider(SearchService search, Kind kind, String groupKey, String featureId) {
    this.search = search;
    this.kind = kind;
    this.groupKey = groupKey;
    this.featureId = featureId;
  }

  @Override
  public String groupKey() {
    return groupKey;
  }

  @Override
  public List<SearchResult> search(String query, int limit) {
    return search.findAnywhere(kind, query, limit).stream()
        .map(h -> new SearchResult(h.title(), h.detail(), featureId, h.id()))
        .toList();
  }
}
