package fr.passerelle.dashboard;

import java.time.YearMonth;

/** Offers of one month: opened per source, and hard-to-fill ones open at the month's end. */
public record MonthPoint(YearMonth month, long franceTravail, long tempAgency, long hardToFill) {}
