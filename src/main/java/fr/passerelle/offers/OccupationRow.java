package fr.passerelle.offers;

/**
 * A line of the occupations table: a ROME occupation with open offers, its figures and the actions
 * already linked to it (meetings, sourcing lists, training paths).
 */
public record OccupationRow(
    String romeCode,
    String label,
    int openOffers,
    int hardToFillOffers,
    double medianDaysOpen,
    int candidatesInReach,
    boolean inTension,
    int meetings,
    int sourcingLists,
    int trainingPaths) {}
