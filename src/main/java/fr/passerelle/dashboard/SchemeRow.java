package fr.passerelle.dashboard;

/** Reconversions of one funding scheme over the period ("NONE" when no scheme was entered). */
public record SchemeRow(String scheme, long started, long completed, long employedSixMonths) {}
