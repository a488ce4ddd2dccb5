package fr.passerelle.search;

import java.util.List;
import java.util.UUID;

/**
 * A page of candidates, best first (then by name), and how many match: exact up to the cap given to
 * the search, {@code capped} beyond.
 */
public record CandidateHits(List<UUID> ids, int total, boolean capped) {}
