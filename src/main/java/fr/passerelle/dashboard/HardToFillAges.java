package fr.passerelle.dashboard;

/**
 * The offers' one definition of "hard to fill" (offers/HardToFillService, ADR 0130) as the
 * dashboard counts it on a past day (ADR 0174): with today's facts about an offer's occupation and
 * place, the age from which the offer is hard to fill. Given by {@code app/Services}; the dashboard
 * keeps no rule of its own.
 */
@FunctionalInterface
public interface HardToFillAges {
  /** {@link #flaggedFromAge} of an offer that never becomes hard to fill with today's facts. */
  int NEVER = Integer.MAX_VALUE;

  /**
   * The age in days from which an open offer of this occupation and commune, with this counselor
   * mark as stored (null: none), is hard to fill: 0 from its first day, {@link #NEVER} never.
   */
  int flaggedFromAge(String romeCode, String communeCode, String mark);
}
