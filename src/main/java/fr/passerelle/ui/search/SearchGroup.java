package fr.passerelle.ui.search;

import java.util.List;

/** The hits of one provider, under its heading. */
public record SearchGroup(String title, List<SearchResult> hits) {}
