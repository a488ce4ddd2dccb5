package fr.passerelle.candidates;

import java.util.List;

/**
 * A page of search results.
 *
 * @param total the number of matches, at most {@link CandidateSearch#COUNT_CAP}
 * @param totalCapped true when there are more matches than {@code total}
 */
public record CandidatePage(
    List<CandidateSummary> rows, int offset, int total, boolean totalCapped) {}
