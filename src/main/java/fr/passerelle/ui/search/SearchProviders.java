package fr.passerelle.ui.search;

import fr.passerelle.ui.UiContext;
import java.util.List;

/** The groups of the global search, in display order. Features add their provider here. */
public final class SearchProviders {
  private SearchProviders() {}

  public static List<SearchProvider> all(UiContext ctx) {
    return List.of(
        // candidates, offers and meetings: add your provider above occupations
        new OccupationSearchProvider(ctx.services().occupations()));
  }
}
