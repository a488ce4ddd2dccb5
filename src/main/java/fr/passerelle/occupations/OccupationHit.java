package fr.passerelle.occupations;

/** One occupation found by a search, with the job title that matched if it was not the label. */
public record OccupationHit(
    String romeCode, String label, String domainLabel, String matchedTitle) {}
