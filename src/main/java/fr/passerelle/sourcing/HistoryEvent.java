package fr.passerelle.sourcing;

/**
 * One dated status change of an entry, as kept in {@code sourcing_entry.history} (a JSON array):
 * {@code at} is an ISO-8601 instant, {@code from} is null for the first event.
 */
public record HistoryEvent(String at, PipelineStatus from, PipelineStatus status, String note) {}
