package fr.passerelle.ui.search;

/**
 * One result of the global search: what to show, and where it leads ({@code featureId} is the
 * navigation entry to open; {@code recordId} the record in it, for views that can open one).
 */
public record SearchHit(String title, String detail, String featureId, String recordId) {}
