package fr.passerelle.ui.search;

import fr.passerelle.search.Kind;
import fr.passerelle.search.SearchService;
import fr.passerelle.ui.UiContext;
import java.util.List;

/** The groups of the global search, in display order. */
public final class SearchProviders {
  private SearchProviders() {}

  public static List<SearchProvider> all(UiContext ctx) {
    SearchService search = ctx.services().search();
    return List.of(
        new IndexSearchProvider(search, Kind.CANDIDATE, "search.group.candidates", "candidates"),
        new IndexSearchProvider(search, Kind.OFFER, "search.group.offers", "offers"),
        new IndexSearchProvider(search, Kind.MEETING, "search.group.meetings", "meetings"),
        new OccupationSearchProvider(ctx.services().occupations()));
  }
}
