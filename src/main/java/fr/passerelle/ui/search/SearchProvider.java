package fr.passerelle.ui.search;

import java.util.List;

/**
 * One group of the global search (Ctrl+K), listed in {@link SearchProviders#all}. {@link #search}
 * runs off the FX thread.
 */
public interface SearchProvider {
  /** Message key of the group's heading. */
  String groupKey();

  /** At most {@code limit} hits for {@code query} (already trimmed, not blank). */
  List<SearchResult> search(String query, int limit);
}
